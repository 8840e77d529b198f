import { configuredProviders } from "@/lib/auth/oauth-providers";
import { listLinkedProviders } from "@/lib/auth/social-sign-in";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "user" }, async ({ user }) => json({ linked: await listLinkedProviders(user.id), available: configuredProviders() }));
