import { providerParams } from "@/lib/auth/provider-param";
import { unlinkProvider } from "@/lib/auth/social-sign-in";
import { noContent, route } from "@/lib/http/route";

export const DELETE = route({ auth: "user", recentProof: true, params: providerParams({ configured: false }) }, async ({ user, params, meta }) => {
  await unlinkProvider(user.id, params.provider, meta);
  return noContent();
});
