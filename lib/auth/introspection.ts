import "server-only";
import { isSessionActiveNow } from "@/lib/auth/sessions";
import { AUDIENCE, tokenIssuer, verifyServiceToken, verifyToken } from "@/lib/auth/tokens";
import { PERSONAL_TOKEN_SCOPES } from "@/lib/validations/personal-token-rules";

// What a signed-in session may do, as a service token's `scope` says it and introspection reports
// it for a session's access token: every scope a personal access token can be given.
export const SESSION_SCOPES = PERSONAL_TOKEN_SCOPES;

export type Introspection = { active: false } | { active: true; sub: string; sid: string; scope: string; aud: string; iss: string; exp: number; iat: number; client_id: string; token_type: "Bearer" };

const INACTIVE: Introspection = { active: false };

// RFC 7662 for `client` (a service, lib/auth/service-clients.ts): active for one of TropiCal's access
// tokens, or a gateway token minted for that very service, while its session lives by the
// database's word at this moment. Everything else is just inactive, with no reason given (RFC 7662
// 2.2): not valid, not this service's, expired, or its session ended. The hint is not needed: each
// kind is told by its own header type, and both are tried.
export async function introspectToken(token: string, client: string): Promise<Introspection> {
  const access = await verifyToken(token, "ACCESS");
  if (access.ok) {
    const { sub, sid, exp, iat } = access.claims;
    if (!sid || !(await isSessionActiveNow(sid))) return INACTIVE;
    return { active: true, sub, sid, scope: SESSION_SCOPES.join(" "), aud: AUDIENCE, iss: tokenIssuer(), exp, iat, client_id: AUDIENCE, token_type: "Bearer" };
  }
  const service = await verifyServiceToken(token, client);
  if (!service || !(await isSessionActiveNow(service.sid))) return INACTIVE;
  const { sub, sid, scope, aud, iss, exp, iat, client_id } = service;
  return { active: true, sub, sid, scope, aud, iss, exp, iat, client_id, token_type: "Bearer" };
}
