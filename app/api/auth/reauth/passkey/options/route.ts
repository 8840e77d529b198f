import { proofOptions } from "@/lib/auth/passkeys";
import { json, route } from "@/lib/http/route";

export const POST = route({ auth: "user" }, async ({ user }) => json(await proofOptions(user.id)));
