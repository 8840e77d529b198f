import assert from "node:assert/strict";
import { randomInt, randomUUID } from "node:crypto";
import type { SocialProvider } from "@/lib/auth/social-providers";
import type { Client } from "./http";
import type { Mail } from "./mail";

export interface TestIdentity {
  id: string;
  name: string;
  email?: string;
  emailVerified?: boolean;
  // Ask the local provider to fail its token endpoint (503).
  unavailable?: boolean;
  // The company provider only: what its ID token gets wrong (TOKEN_DEFECTS in scripts/oauth-providers.ts).
  defect?: string;
}

export function randomIdentity(provider: SocialProvider, overrides: Partial<TestIdentity> = {}): TestIdentity {
  const tag = randomUUID().slice(0, 10);
  // Kakao's account ids are numbers.
  const id = provider === "kakao" ? String(randomInt(1_000_000_000, 2 ** 47)) : `${provider}-${tag}`;
  return { id, name: `Tester ${tag}`, email: `${provider}-${tag}@example.test`, emailVerified: true, ...overrides };
}

// A sign-in, or a signed-in user connecting the provider (or proving it is them) from settings.
export type ProviderFlow = "signin" | "link" | "reauth";

// Steps 1–2 of a provider sign-in as the login page runs them: next-auth's CSRF token, then the
// start call, which answers with the provider's authorization URL.
export async function startAtProvider(client: Client, provider: SocialProvider, body: Record<string, unknown> = {}, flow: ProviderFlow = "signin"): Promise<URL> {
  const csrf = await client.request("/api/auth/oauth/csrf");
  assert.equal(csrf.status, 200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = await client.post(`/api/auth/oauth/${flow}/${provider}`, { csrfToken, ...body });
  assert.equal(started.status, 200, await started.clone().text());
  const { url } = (await started.json()) as { url: string };
  return new URL(url);
}

// What the person does on the provider's page: allow as an identity, or cancel. Answers the
// callback URL the provider sends the browser back to.
export async function decideAtProvider(authorizeUrl: URL, decision: TestIdentity | "cancel"): Promise<URL> {
  const page = await fetch(authorizeUrl);
  assert.equal(page.status, 200, "the provider shows its sign-in page");
  const form = new URLSearchParams(authorizeUrl.searchParams);
  if (decision === "cancel") form.set("decision", "deny");
  else {
    form.set("decision", "allow");
    form.set("id", decision.id);
    form.set("name", decision.name);
    form.set("email", decision.email ?? "");
    if (decision.emailVerified) form.set("email_verified", "on");
    if (decision.unavailable) form.set("unavailable", "on");
    if (decision.defect) form.set("defect", decision.defect);
  }
  const answer = await fetch(new URL(authorizeUrl.pathname, authorizeUrl.origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  assert.equal(answer.status, 302);
  return new URL(answer.headers.get("location") ?? "");
}

// The whole round trip; answers the app's response to the callback (a redirect).
export async function signInWithProvider(
  client: Client,
  provider: SocialProvider,
  decision: TestIdentity | "cancel",
  body: Record<string, unknown> = {},
  flow: ProviderFlow = "signin",
): Promise<Response> {
  const callback = await decideAtProvider(await startAtProvider(client, provider, body, flow), decision);
  return client.request(`${callback.pathname}${callback.search}`);
}

export function mailedCode(mail: Mail): string {
  const match = /\b(\d{6})\b/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no code in mail "${mail.subject}"`);
  return match[1];
}
