import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { SsoConnection } from "@/lib/generated/prisma/client";
import { DEFAULT_SIGNED_IN_PATH, safeNextPath } from "@/lib/auth/redirects";
import { samlSettingsOf } from "@/lib/auth/sso/connections";
import { finishSamlSignIn, spMetadata, startSamlSignIn } from "@/lib/auth/sso/saml";
import type { SsoAnswer, SsoStart } from "@/lib/auth/sso/sign-in";
import { SAML_RELAY_STATE_MAX_BYTES, type SamlAcsForm } from "@/lib/validations/sso";

// SAML connections in company sign-in: the start sends the browser to the IdP with a signed
// AuthnRequest (lib/auth/sso/saml.ts), and the IdP's answer, posted to the connection's ACS URL,
// becomes the identity finishSsoCallback signs in.

// SAML sign-in is off without TropiCal's SP key pair (lib/env.ts): the IdP is unreachable as far
// as the user is concerned.
function assertSamlOn(): void {
  if (!getEnv().SAML_SP) throw new ApiError("SSO_UNAVAILABLE");
}

// The RelayState the IdP is asked to echo: where to land afterwards. A path too long for the
// binding's 80 bytes lands on the dashboard instead.
function relayStateFor(next: string): string {
  return new TextEncoder().encode(next).length <= SAML_RELAY_STATE_MAX_BYTES ? next : DEFAULT_SIGNED_IN_PATH;
}

export async function startSamlConnectionSignIn(connection: SsoConnection, next: string): Promise<SsoStart> {
  assertSamlOn();
  const settings = samlSettingsOf(connection);
  if (!settings) throw new ApiError("SSO_FAILED");
  const { redirectUrl } = await startSamlSignIn({ connectionId: connection.id, idp: settings.idp, origin: getEnv().APP_URL, relayState: relayStateFor(next) });
  // No cookie binds this browser: the answer comes back as a cross-site POST, on which a browser
  // sends no SameSite=Lax cookie. What binds the answer is the signed InResponseTo naming the
  // single-use SamlRequest row this start stored for this connection.
  return { url: redirectUrl, bind: () => {} };
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

// POST /api/auth/sso/saml/<id>/acs: the identity the IdP's signed answer proves. RelayState came
// back through the IdP and the browser, so it is taken only as a path of this site.
export async function finishSamlConnectionSignIn(connectionId: string, form: SamlAcsForm): Promise<SsoAnswer> {
  const found = await samlConnection(connectionId);
  if (!found?.connection.enabled) throw new ApiError("SSO_NOT_AVAILABLE");
  assertSamlOn();
  const identity = await finishSamlSignIn({ connectionId, idp: found.settings.idp, origin: getEnv().APP_URL, samlResponse: form.SAMLResponse });
  return { connection: found.connection, identity, next: safeNextPath(form.RelayState) };
}
