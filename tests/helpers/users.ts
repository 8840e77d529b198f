import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Client } from "./http";
import { mailsTo, verificationLink, waitForMail, type Mail } from "./mail";

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

export function resetLink(mail: Mail | undefined): string {
  const match = /https?:\/\/\S+\/reset-password\?token=([\w.%-]+)/.exec(mail?.text ?? "");
  assert.ok(match, `no reset link in "${mail?.subject}"`);
  return decodeURIComponent(match[1] ?? "");
}

// Asks for a reset mail to `email` and answers the token in its link.
export async function requestReset(email: string, client = new Client()): Promise<string> {
  const before = new Set((await mailsTo(email)).map((mail) => mail.id));
  const response = await client.post("/api/auth/password/forgot", { email });
  assert.equal(response.status, 202);
  for (let count = before.size + 1; ; count++) {
    const fresh = (await waitForMail(email, count)).filter((mail) => !before.has(mail.id) && mail.subject.includes("Reset your password"));
    if (fresh[0]) return resetLink(fresh[0]);
  }
}

// A sign-in as a person makes it from `client`: the password, and when the account does not know
// this device, the code mailed to it (lib/auth/sign-in-codes.ts). Answers the last response.
export async function logIn(client: Client, email: string, password = PASSWORD, options: { headers?: Record<string, string> } = {}): Promise<Response> {
  const before = new Set((await mailsTo(email)).map((mail) => mail.id));
  const response = await client.post("/api/auth/login", { email, password }, options);
  if (response.status !== 200 || ((await response.clone().json()) as { method?: string }).method !== "email") return response;
  return client.post("/api/auth/2fa/verify", { emailCode: await mailedSignInCode(email, before) }, options);
}

// The code of the newest sign-in code mail to `email` that is not among `before`.
export async function mailedSignInCode(email: string, before: Set<string>): Promise<string> {
  for (let count = before.size + 1; ; count++) {
    const mail = (await waitForMail(email, count)).find((candidate) => !before.has(candidate.id) && candidate.subject.includes("Your sign-in code"));
    const code = mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
    if (code) return code;
  }
}
