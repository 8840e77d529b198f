import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { SamlTestIdentity } from "../../scripts/saml-idp";
import { testEnv } from "./env";

// The stack's app environment, for a worker that runs the library as the app's server would.
const { TRUSTED_PROXY_HOPS: _hops, COUNTRY_HEADER: _country, CLIENT_IP_HEADER: _header, VERCEL: _vercel, ...inherited } = process.env;

const answerSchema = z.object({ id: z.number(), result: z.unknown().optional(), code: z.string().optional() });
type Answer = z.infer<typeof answerSchema>;

export interface SamlWorker {
  // The library function's result, or { code } for the ApiError it threw.
  call(name: string, input: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

// A long-lived process running lib/auth/sso/saml.ts (tests/helpers/saml-worker.ts).
export function startSamlWorker(): SamlWorker {
  const env = testEnv();
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/saml-worker.ts"], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      DATABASE_URL: env.TEST_DATABASE_URL,
      AUTH_SECRET: env.TEST_AUTH_SECRET,
      AUTH_SIGNING_KEYS: env.TEST_AUTH_SIGNING_KEYS,
      APP_URL: env.TEST_BASE_URL,
      SMTP_URL: env.TEST_SMTP_URL,
      SAML_SP_PRIVATE_KEY: env.TEST_SAML_SP_PRIVATE_KEY,
      SAML_SP_CERTIFICATE: env.TEST_SAML_SP_CERTIFICATE,
      SAML_LOOPBACK_METADATA: "on",
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = new Map<number, (answer: Answer) => void>();
  let next = 0;
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const answer = answerSchema.parse(JSON.parse(line));
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  return {
    call: (name, input) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ id, call: name, input })}\n`);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin!.end();
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function hidden(html: string, name: string): string | null {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match ? match[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))) : null;
}

// What a browser does at the local IdP after the app redirected it there: the picker page, a choice
// (an identity by its place in the list, one of the test's own, or Cancel), and the self-posting
// form it gets back.
export async function answerAtIdp(redirectUrl: string, choice: number | SamlTestIdentity | "cancel"): Promise<{ acsUrl: string; samlResponse: string; relayState: string | null }> {
  const picker = await fetch(redirectUrl);
  const page = await picker.text();
  assert.equal(picker.status, 200, page);
  const ticket = hidden(page, "ticket");
  assert.ok(ticket, page);
  const fields: Record<string, string> =
    choice === "cancel" ? { decision: "cancel" } : typeof choice === "number" ? { decision: "allow", identity: String(choice) } : { decision: "allow", identity: "custom", ...choice };
  const form = new URLSearchParams({ ticket, ...fields });
  const decided = await fetch(new URL("/sso/decide", redirectUrl), { method: "POST", body: form });
  const post = await decided.text();
  assert.equal(decided.status, 200, post);
  const acsUrl = /<form method="post" action="([^"]+)"/.exec(post)?.[1];
  const samlResponse = hidden(post, "SAMLResponse");
  assert.ok(acsUrl && samlResponse, post);
  return { acsUrl, samlResponse, relayState: hidden(post, "RelayState") };
}
