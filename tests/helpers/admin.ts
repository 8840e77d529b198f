import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { testEnv } from "./env";
import { Client } from "./http";
import { addPasskey, signInWithPasskey, type SoftPasskey } from "./passkey";
import { signedInUser } from "./users";

// Grants the role the only way there is, `npm run admin:grant`, against the test database.
export function grantAdmin(email: string, reason = "test setup"): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-grant.ts", email, reason], {
    env: { ...process.env, DATABASE_URL: testEnv().TEST_DATABASE_URL },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// An administrator with the second factor the admin pages require (a passkey), signed in afresh so
// the access token carries the role.
export async function signedInAdmin(): Promise<{ client: Client; email: string; passkey: SoftPasskey }> {
  const { client: first, email } = await signedInUser();
  const { passkey, response } = await addPasskey(first);
  assert.equal(response.status, 201);
  assert.equal(grantAdmin(email).status, 0);
  const client = new Client();
  assert.equal((await signInWithPasskey(client, passkey)).status, 200);
  return { client, email, passkey };
}
