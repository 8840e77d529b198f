import { deletePasskey, renamePasskey } from "@/lib/auth/passkeys";
import { json, noContent, route } from "@/lib/http/route";
import { passkeyParams } from "@/lib/validations/params";
import { renamePasskeySchema } from "@/lib/validations/strong-auth";

export const PATCH = route({ auth: "user", params: passkeyParams, body: renamePasskeySchema }, async ({ user, params, body }) => json({ passkey: await renamePasskey(user.id, params.id, body.name) }));

export const DELETE = route({ auth: "user", recentProof: true, params: passkeyParams }, async ({ user, params, meta }) => {
  await deletePasskey(user.id, params.id, meta);
  return noContent();
});
