import { listPasskeys, registerPasskey } from "@/lib/auth/passkeys";
import { json, route } from "@/lib/http/route";
import { registerPasskeySchema } from "@/lib/validations/strong-auth";

export const GET = route({ auth: "user" }, async ({ user }) => json({ passkeys: await listPasskeys(user.id) }));

export const POST = route({ auth: "user", recentProof: true, body: registerPasskeySchema }, async ({ user, body, meta }) =>
  json({ passkey: await registerPasskey(user.id, body.response, body.name, meta) }, 201),
);
