import "server-only";
import { ApiError } from "@/lib/errors";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { isSocialProvider, type SocialProvider } from "@/lib/auth/social-providers";

// The {provider} route segment, or the route does not exist. Signing in takes configured providers
// only; unlinking takes any, so a provider switched off can still be removed from an account.
export async function providerParam(context: { params: Promise<{ provider: string }> }, options: { configured: boolean }): Promise<SocialProvider> {
  const { provider } = await context.params;
  if (!isSocialProvider(provider) || (options.configured && !configuredProviders().includes(provider))) throw new ApiError("NOT_FOUND");
  return provider;
}
