// Starts a provider sign-in the way next-auth's own client does: fetch its CSRF token, post it with
// the provider's name, then leave for the authorization URL the server answers with.
import { z } from "zod";
import { api } from "@/lib/client/api";
import type { SocialProvider } from "@/lib/auth/social-providers";

const csrfSchema = z.object({ csrfToken: z.string().min(1) });
const startSchema = z.object({ url: z.string().min(1) });

export async function startSocialSignIn(provider: SocialProvider, options: { next?: string; intent?: "link" } = {}): Promise<boolean> {
  const csrf = await api<unknown>("/api/auth/oauth/csrf");
  const token = csrf.ok ? csrfSchema.safeParse(csrf.data) : null;
  if (!token?.success) return false;
  const started = await api<unknown>(`/api/auth/oauth/signin/${provider}`, { method: "POST", json: { csrfToken: token.data.csrfToken, ...options } });
  const target = started.ok ? startSchema.safeParse(started.data) : null;
  if (!target?.success) return false;
  window.location.assign(target.data.url);
  return true;
}
