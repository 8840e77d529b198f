import assert from "node:assert/strict";
import { testDb } from "./db";
import type { Client } from "./http";
import { PASSWORD } from "./users";

// The session id in a client's access token (or a browser's ACCESS_TOKEN cookie value).
export function sessionIdOf(accessToken: string): string {
  const payload = JSON.parse(Buffer.from(accessToken.split(".")[1] ?? "", "base64url").toString()) as { sid?: string };
  assert.ok(payload.sid, "the access token names its session");
  return payload.sid;
}

// A session whose last proof of identity is older than the step-up window: what a thief holding
// only the cookies has (the owner signed in a while ago).
export async function makeProofStale(accessToken: string): Promise<void> {
  await testDb().query(`UPDATE "Session" SET "reauthenticatedAt" = now() - interval '11 minutes' WHERE id = $1`, [sessionIdOf(accessToken)]);
}

export async function makeClientStale(client: Client): Promise<void> {
  await makeProofStale(client.cookies.get("ACCESS_TOKEN")?.value ?? "");
}

export async function proveAgain(client: Client, proof: Record<string, string> = { password: PASSWORD }): Promise<Response> {
  return client.post("/api/auth/reauth", proof);
}

export async function errorCode(response: Response): Promise<string | undefined> {
  return (
    (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: { code?: string } }
  ).error?.code;
}
