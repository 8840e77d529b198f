import { createPersonalToken, listPersonalTokens } from "@/lib/auth/personal-tokens";
import { json, route } from "@/lib/http/route";
import { personalTokenCreateSchema } from "@/lib/validations/personal-tokens";

export const GET = route({ auth: "user", cookieOnly: true }, async ({ user }) => json({ tokens: await listPersonalTokens(user.id) }));

// The answer is the only time the token itself is shown: the server keeps its hash alone.
export const POST = route({ auth: "user", cookieOnly: true, recentProof: true, body: personalTokenCreateSchema }, async ({ user, body, meta }) =>
  json(await createPersonalToken(user.id, body, meta), 201),
);
