import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { logInWithPasskey } from "@/lib/auth/passkeys";
import { signedInResponse } from "@/lib/auth/session-response";
import { route } from "@/lib/http/route";
import { passkeyLoginSchema } from "@/lib/validations/strong-auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.login, body: passkeyLoginSchema }, async ({ body, meta }) => signedInResponse(await logInWithPasskey(body.response, meta), meta));
