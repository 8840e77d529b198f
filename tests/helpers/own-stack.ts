import assert from "node:assert/strict";
import path from "node:path";
import { startTestStack, TEST_DATA_DIR, type TestStack } from "../../scripts/test-stack";
import { Client, randomAddress } from "./http";
import { verificationLink, waitForMail } from "./mail";
import { PASSWORD, randomEmail, signupBody } from "./users";

// A stack of its own for tests that break things (stop the database, the mail server, the app),
// so the shared stack and the other suites never see the damage.
export async function startOwnStack(
  name: string,
  options: { cpu?: number; env?: Record<string, string> } = {},
): Promise<TestStack & { client: () => Client; signedIn: () => Promise<{ client: Client; email: string }> }> {
  const stack = await startTestStack({ dir: path.join(TEST_DATA_DIR, `own-${name}`), cpu: options.cpu, env: options.env });
  const client = () => new Client(randomAddress(), stack.baseUrl);
  const signedIn = async () => {
    const browser = client();
    const email = randomEmail(name);
    assert.equal((await browser.post("/api/auth/signup", signupBody(email))).status, 201);
    const [mail] = await waitForMail(email, 1, 15_000, stack.mailDir);
    await browser.followMailedLink(verificationLink(mail!), "/api/auth/verify");
    assert.equal((await browser.post("/api/auth/login", { email, password: PASSWORD })).status, 200);
    return { client: browser, email };
  };
  return { ...stack, client, signedIn };
}
