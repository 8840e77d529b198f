import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { SsoConnection } from "@/lib/generated/prisma/client";
import { samlSettingsOf } from "@/lib/auth/sso/connections";
import { holdIdentity, spendFlow, startFlow, type FlowPurpose } from "@/lib/auth/sso/flows";
import { finishSamlSignIn, samlIdentitySchema, spMetadata, startSamlSignIn } from "@/lib/auth/sso/saml";
import type { SsoAnswer, SsoStart } from "@/lib/auth/sso/sign-in";
import type { SamlAcsForm } from "@/lib/validations/sso";

// SAML connections in company sign-in. The start sends the browser to the IdP with a signed
// AuthnRequest (lib/auth/sso/saml.ts) and binds the flow to this browser's cookie, as for OIDC. The
// IdP's answer comes back as a cross-site POST to the connection's ACS URL, which carries no Lax
// cookie: the ACS checks the answer and holds the identity it proves on the flow, then sends the
// browser that posted on to the collect URL with a one-time value (lib/auth/sso/flows.ts), a
// top-level GET that does carry the cookie. Only a browser that both started the sign-in and posted
// its answer collects it: neither an answer posted from a victim's browser (login CSRF) nor a
// victim's answer to a sign-in someone else started (takeover) signs anyone in.

// SAML sign-in is off without TropiCal's SP key pair (lib/env.ts): the IdP is unreachable as far
// as the user is concerned.
function assertSamlOn(): void {
  if (!getEnv().SAML_SP) throw new ApiError("SSO_UNAVAILABLE");
}

function samlCollectPath(connectionId: string, requestId: string, collect: string): string {
  return `/api/auth/sso/saml/${connectionId}/collect?${new URLSearchParams({ request: requestId, collect })}`;
}

export async function startSamlConnectionSignIn(request: NextRequest, connection: SsoConnection, purpose: FlowPurpose): Promise<SsoStart> {
  assertSamlOn();
  const settings = samlSettingsOf(connection);
  if (!settings) throw new ApiError("SSO_FAILED");
  const forceAuthn = purpose.proofSessionId !== undefined;
  const { redirectUrl, requestId } = await startSamlSignIn({ connectionId: connection.id, idp: settings.idp, origin: getEnv().APP_URL, forceAuthn });
  const flow = await startFlow(request, { connectionId: connection.id, requestId, ...purpose });
  return { url: redirectUrl, bind: flow.bind };
}

// A SAML connection with its settings, or null for any other id.
async function samlConnection(connectionId: string) {
  const connection = await getDb().ssoConnection.findUnique({ where: { id: connectionId }, include: { domains: true } });
  const settings = connection ? samlSettingsOf(connection) : null;
  return connection && settings ? { connection, settings } : null;
}

// GET /api/auth/sso/saml/<id>/metadata: this connection's SP metadata, for its IdP.
export async function samlMetadataFor(connectionId: string): Promise<string> {
  if (!(await samlConnection(connectionId))) throw new ApiError("NOT_FOUND");
  return spMetadata(getEnv().APP_URL, connectionId);
}

// POST /api/auth/sso/saml/<id>/acs: checks the IdP's signed answer and holds the identity it proves
// for the browser to collect; the path to collect it at. A RelayState in the post is ignored.
export async function acceptSamlAnswer(connectionId: string, form: SamlAcsForm): Promise<string> {
  const found = await samlConnection(connectionId);
  if (!found?.connection.enabled) throw new ApiError("SSO_NOT_AVAILABLE");
  assertSamlOn();
  const { requestId, ...identity } = await finishSamlSignIn({ connectionId, idp: found.settings.idp, origin: getEnv().APP_URL, samlResponse: form.SAMLResponse });
  // A request node-saml knew but no flow holds (started outside the sign-in start) is no sign-in.
  const collect = await holdIdentity(connectionId, requestId, identity);
  if (!collect) throw new ApiError("SSO_EXPIRED");
  return samlCollectPath(connectionId, requestId, collect);
}

// GET /api/auth/sso/saml/<id>/collect?request=<id>&collect=<value>: the identity the ACS held, for
// the browser that both started this sign-in and posted its answer, once.
export async function collectSamlIdentity(request: NextRequest, connectionId: string, query: { request: string; collect: string }): Promise<SsoAnswer> {
  const flow = await spendFlow(request, query.request, { connectionId, collect: query.collect });
  const identity = samlIdentitySchema.safeParse(flow?.identity);
  // Unknown, spent, expired, not yet answered, or not this browser's from start to answer.
  if (!flow || !identity.success) throw new ApiError("SSO_EXPIRED");
  const found = await samlConnection(connectionId);
  if (!found?.connection.enabled) throw new ApiError("SSO_NOT_AVAILABLE");
  return { connection: found.connection, identity: identity.data, next: flow.next, proofSessionId: flow.proofSessionId };
}
