import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Client } from "./http";
import { verificationLink, waitForMail } from "./mail";

export function randomEmail(tag = "user"): string {
  return `${tag}-${randomUUID().slice(0, 12)}@example.test`;
}

export const PASSWORD = "correct horse battery staple";

export function signupBody(email: string, overrides: Record<string, unknown> = {}) {
  return { email, password: PASSWORD, nickname: "Tester", consents: { terms: true, privacy: true, marketing: false }, ...overrides };
}

export async function signUp(client: Client, email = randomEmail()): Promise<string> {
  const response = await client.post("/api/auth/signup", signupBody(email));
  assert.equal(response.status, 201);
  return email;
}

export async function signUpVerified(client = new Client()): Promise<{ client: Client; email: string }> {
  const email = await signUp(client);
  const [mail] = await waitForMail(email);
  assert.ok(mail);
  const response = await client.followMailedLink(verificationLink(mail), "/api/auth/verify");
  assert.equal(client.location(response), `${client.base}/verified`);
  return { client, email };
}

export async function signedInUser(): Promise<{ client: Client; email: string }> {
  const { client, email } = await signUpVerified();
  const response = await client.post("/api/auth/login", { email, password: PASSWORD });
  assert.equal(response.status, 200);
  return { client, email };
}
