// Starts a provider sign-in the way next-auth's own client does: fetch its CSRF token, post it with
// the provider's name, then leave for the authorization URL the server answers with. Plain fetch keeps
// the welcome and login pages light; settings pass the session-aware `api` instead. zod/mini is
// imported on the click, beside the first request: in the first load it was a good share of the
// welcome page's JavaScript (bench/ keeps zod off first loads).
import type { SocialProvider } from "@/lib/auth/social-providers";

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

// `link` connects the provider to the signed-in account instead of signing in with it; `reauth`
// proves it is the account's owner before a sensitive change (with its second factor in `proof`).
export type SocialFlow = "signin" | "link" | "reauth";

export async function startSocialSignIn(provider: SocialProvider, options: { next?: string; flow?: SocialFlow; proof?: Record<string, string> } = {}, call: JsonCall = plainFetch): Promise<boolean> {
  const [z, answer] = await Promise.all([import("zod/mini"), call("/api/auth/oauth/csrf")]);
  const nonEmpty = z.string().check(z.minLength(1));
  const csrf = z.object({ csrfToken: nonEmpty }).safeParse(answer.data);
  if (!csrf.success) return false;
  const json = { csrfToken: csrf.data.csrfToken, ...(options.next ? { next: options.next } : {}), ...options.proof };
  const started = await call(`/api/auth/oauth/${options.flow ?? "signin"}/${provider}`, { method: "POST", json });
  const target = z.object({ url: nonEmpty }).safeParse(started.data);
  if (!started.ok || !target.success) return false;
  window.location.assign(target.data.url);
  return true;
}
