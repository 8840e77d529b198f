import { z } from "zod";
import { introspectToken } from "@/lib/auth/introspection";
import { requireServiceClient } from "@/lib/auth/service-clients";
import { parseFormBody } from "@/lib/http/request";
import { json, route } from "@/lib/http/route";
import { consumeRateLimit } from "@/lib/rate-limit";

const bodySchema = z.object({
  token: z.string().min(1).max(8192),
  // RFC 7662 2.1: a hint the server may ignore; any value is accepted and none is needed.
  token_type_hint: z.string().max(64).optional(),
});

// Each service's own budget: one that loops cannot take the others' turn or the database.
const PER_CLIENT = { name: "introspect", max: 600, windowSeconds: 60 };

// RFC 7662. The client authenticates before its body is read, so the body is parsed here rather
// than by the builder.
export const POST = route({ auth: "none", crossSiteAllowedBecause: "called by services with their own credentials, never by a browser with cookies" }, async ({ request }) => {
  const client = requireServiceClient(request);
  await consumeRateLimit(PER_CLIENT, client);
  const { token } = await parseFormBody(request, bodySchema);
  return json(await introspectToken(token, client));
});
