import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { loginOptions } from "@/lib/auth/passkeys";
import { json, route } from "@/lib/http/route";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.login }, async () => json(await loginOptions()));
