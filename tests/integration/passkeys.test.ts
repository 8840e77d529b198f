import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { randomIdentity, signInWithProvider } from "../helpers/oauth";
import { addPasskey, signInWithPasskey } from "../helpers/passkey";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

const CONSENTS = { terms: true, privacy: true, marketing: false };

describe("passkeys over HTTP (a software authenticator)", () => {
  test("a registered passkey signs in alone, and a replayed assertion is refused", async () => {
    const { client } = await signedInUser();
    const { passkey, response } = await addPasskey(client);
    assert.equal(response.status, 201);
    const device = new Client();
    const options = (await (await device.post("/api/auth/passkeys/login/options")).json()) as { challenge: string };
    const assertion = passkey.assert(options);
    assert.equal((await device.post("/api/auth/passkeys/login", { response: assertion })).status, 200);
    assert.ok(device.cookies.has("ACCESS_TOKEN"));
    assert.equal((await new Client().post("/api/auth/passkeys/login", { response: assertion })).status, 401);
  });

  test("a credential id another account already holds is refused with 400 JSON, not a 500", async () => {
    const first = await signedInUser();
    const { passkey } = await addPasskey(first.client);
    const second = await signedInUser();
    const { response } = await addPasskey(second.client, passkey);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, "INVALID_INPUT");
    // Nor can the same account register it twice.
    assert.equal((await addPasskey(first.client, passkey)).response.status, 400);
  });

  test("the last way to sign in cannot be removed: a passkey-only account keeps its passkey", async () => {
    const client = new Client();
    assert.equal(client.location(await signInWithProvider(client, "google", randomIdentity("google"))), `${client.base}/onboarding`);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "Keys", consents: CONSENTS })).status, 200);
    const { passkey, response } = await addPasskey(client);
    assert.equal(response.status, 201);
    // With the passkey there, the provider may go.
    assert.equal((await client.request("/api/auth/providers/google", { method: "DELETE" })).status, 204);
    const last = await client.request(`/api/auth/passkeys/${passkey.credentialId}`, { method: "DELETE" });
    assert.equal(last.status, 409);
    assert.equal(((await last.json()) as { error: { code: string } }).error.code, "LAST_SIGN_IN_METHOD");
    assert.equal((await signInWithPasskey(new Client(), passkey)).status, 200, "the passkey still works");
  });
});
