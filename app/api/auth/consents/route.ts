import { json, route } from "@/lib/http/route";
import { consentStatus, recordConsents } from "@/lib/privacy";
import { consentChangeSchema } from "@/lib/validations/auth";

export const GET = route({ auth: "user" }, async ({ user }) => json(await consentStatus(user.id)));

// Marketing given or withdrawn; terms and privacy accepted again in today's version.
export const POST = route({ auth: "user", body: consentChangeSchema }, async ({ user, body, meta }) => json(await recordConsents(user.id, body, meta)));
