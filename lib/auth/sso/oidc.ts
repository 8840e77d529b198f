import "server-only";
import * as client from "openid-client";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError, type ErrorCode } from "@/lib/errors";
import type { SsoConnection } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { open } from "@/lib/auth/secret-box";
import { issuerAllowed, oidcSettingsOf } from "@/lib/auth/sso/connections";
import { spendFlow, startFlow, type FlowPurpose } from "@/lib/auth/sso/flows";
import type { SsoAnswer, SsoStart } from "@/lib/auth/sso/sign-in";

// OpenID Connect with openid-client: the authorization code flow with PKCE (S256), state and nonce,
// the client authenticated with its secret, and the ID token's signature (the issuer's JWKS), iss,
// aud, azp, exp, iat and nonce checked by the library. Only the ID token's claims are used; the
// tokens themselves are dropped (TropiCal's own session follows).
export const OIDC_CALLBACK_PATH = "/api/auth/sso/oidc/callback";

export function oidcRedirectUri(): string {
  return `${getEnv().APP_URL}${OIDC_CALLBACK_PATH}`;
}

async function configurationFor(connection: SsoConnection): Promise<client.Configuration> {
  const settings = oidcSettingsOf(connection);
  if (!settings || !connection.secret || !issuerAllowed(settings.issuer)) throw new ApiError("SSO_FAILED");
  const seconds = Math.ceil(getEnv().PROVIDER_TIMEOUT_MS / 1000);
  const execute = [client.enableNonRepudiationChecks];
  // Only ever for a loopback issuer the operator allowed (issuerAllowed above).
  if (new URL(settings.issuer).protocol === "http:") execute.push(client.allowInsecureRequests);
  const config = await client.discovery(new URL(settings.issuer), settings.clientId, open(connection.secret).plaintext, undefined, { timeout: seconds, execute });
  config.timeout = seconds;
  return config;
}

// Network trouble, timeouts and 5xx mean the identity provider is unavailable; the user's
// "cancel" is theirs; anything else (a signature, audience, issuer, expiry or nonce that does not
// hold, a refused code) is a failed sign-in. Only the code and the error's name are logged: the
// library's messages can quote codes and tokens.
function classify(error: unknown): ErrorCode {
  if (error instanceof ApiError) return error.code;
  if (error instanceof client.AuthorizationResponseError) {
    if (error.error === "access_denied") return "SSO_CANCELLED";
    return error.error === "temporarily_unavailable" || error.error === "server_error" ? "SSO_UNAVAILABLE" : "SSO_FAILED";
  }
  if (error instanceof client.ResponseBodyError) return error.status >= 500 ? "SSO_UNAVAILABLE" : "SSO_FAILED";
  if (error instanceof TypeError) return "SSO_UNAVAILABLE";
  if (error instanceof client.ClientError) {
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT") return "SSO_UNAVAILABLE";
    if (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" && error.cause instanceof Response && error.cause.status >= 500) return "SSO_UNAVAILABLE";
  }
  return "SSO_FAILED";
}

function failure(error: unknown, step: string): ApiError {
  const code = classify(error);
  if (!(error instanceof ApiError))
    log("warn", "company sign-in (OIDC) failed", { step, code, error: error instanceof Error ? error.name : undefined, detail: error instanceof client.ClientError ? error.code : undefined });
  return new ApiError(code);
}

export async function startOidcSignIn(request: NextRequest, connection: SsoConnection, email: string, purpose: FlowPurpose): Promise<SsoStart> {
  let config: client.Configuration;
  try {
    config = await configurationFor(connection);
  } catch (error) {
    throw failure(error, "discovery");
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const settings = oidcSettingsOf(connection);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(),
    scope: settings?.scopes ?? "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    // The address typed on the login page, so the identity provider can skip asking for it.
    login_hint: email,
    // A step-up: the identity provider must ask the user again, not answer from its own session.
    ...(purpose.proofSessionId ? { prompt: "login" } : {}),
  });
  const flow = await startFlow(request, { connectionId: connection.id, requestId: state, codeVerifier, nonce, ...purpose });
  return { url: url.href, bind: flow.bind };
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.email().max(254).optional().catch(undefined),
  name: z.string().trim().min(1).max(100).optional().catch(undefined),
  preferred_username: z.string().trim().min(1).max(100).optional().catch(undefined),
});

// GET /api/auth/sso/oidc/callback: the flow the state names (this browser's, unused, in time) and
// the identity its ID token proves.
export async function finishOidcSignIn(request: NextRequest): Promise<SsoAnswer> {
  const flow = await spendFlow(request, request.nextUrl.searchParams.get("state") ?? undefined, { codeVerifier: { not: null } });
  // Unknown, replayed, expired or another browser's: whatever the rest of the URL says.
  if (!flow?.codeVerifier || !flow.nonce) throw new ApiError("SSO_EXPIRED");
  const connection = await getDb().ssoConnection.findUnique({ where: { id: flow.connectionId }, include: { domains: true } });
  if (!connection?.enabled || connection.protocol !== "OIDC") throw new ApiError("SSO_NOT_AVAILABLE");
  const callbackUrl = new URL(`${OIDC_CALLBACK_PATH}${request.nextUrl.search}`, getEnv().APP_URL);
  let claims: unknown;
  try {
    const config = await configurationFor(connection);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.requestId, expectedNonce: flow.nonce, idTokenExpected: true });
    claims = tokens.claims();
  } catch (error) {
    throw failure(error, "callback");
  }
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw failure(new Error("ID token claims"), "claims");
  const { sub, email, name, preferred_username } = parsed.data;
  return { connection, next: flow.next, proofSessionId: flow.proofSessionId, identity: { subject: sub, email: email?.toLowerCase(), name: name ?? preferred_username } };
}
