// Starts a provider sign-in the way next-auth's own client does: fetch its CSRF token, post it with
// the provider's name, then leave for the authorization URL the server answers with. Plain fetch and
// zod/mini keep the welcome and login pages light; settings pass the session-aware `api` instead.
import * as z from "zod/mini";
import type { SocialProvider } from "@/lib/auth/social-providers";

const csrfSchema = z.object({ csrfToken: z.string().check(z.minLength(1)) });
const startSchema = z.object({ url: z.string().check(z.minLength(1)) });

export type JsonCall = (path: string, init?: { method: "POST"; json: unknown }) => Promise<{ ok: boolean; data?: unknown }>;

const plainFetch: JsonCall = async (path, init) => {
  const response = await fetch(path, {
    method: init?.method ?? "GET",
    credentials: "same-origin",
    headers: init ? { "Content-Type": "application/json" } : undefined,
    body: init ? JSON.stringify(init.json) : undefined,
  }).catch(() => null);
  if (!response?.ok) return { ok: false };
  return { ok: true, data: await response.json().catch(() => null) };
};

export async function startSocialSignIn(provider: SocialProvider, options: { next?: string; intent?: "link" } = {}, call: JsonCall = plainFetch): Promise<boolean> {
  const csrf = csrfSchema.safeParse((await call("/api/auth/oauth/csrf")).data);
  if (!csrf.success) return false;
  const started = await call(`/api/auth/oauth/signin/${provider}`, { method: "POST", json: { csrfToken: csrf.data.csrfToken, ...options } });
  const target = startSchema.safeParse(started.data);
  if (!started.ok || !target.success) return false;
  window.location.assign(target.data.url);
  return true;
}
