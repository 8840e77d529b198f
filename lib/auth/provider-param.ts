import "server-only";
import { z } from "zod";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { SOCIAL_PROVIDERS } from "@/lib/auth/social-providers";

// The {provider} route segment. Signing in takes configured providers only; unlinking takes any, so
// a provider switched off can still be removed from an account.
export function providerParams(options: { configured: boolean }) {
  return z.object({
    provider: z.enum(SOCIAL_PROVIDERS).refine((provider) => !options.configured || configuredProviders().includes(provider)),
  });
}
