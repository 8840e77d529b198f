import { importJWK, SignJWT, type JWTPayload } from "jose";
import { jwkOf, parseKeyRing } from "@/lib/auth/key-ring";
import { testEnv } from "./env";

// Mints tokens the way an attacker who knows the format (but maybe not the key) would: HS256 under
// `secret` (by default the stack's AUTH_SECRET, which signs every token but access tokens), or, for
// an access token without a secret or algorithm of its own, with the current key of `ring` (by
// default the stack's), as the server itself would.
export async function forgeToken(payload: JWTPayload, options: { secret?: string; alg?: string; header?: Record<string, unknown>; ring?: string } = {}): Promise<string> {
  if (options.ring !== undefined || (payload.tokenType === "ACCESS" && options.secret === undefined && options.alg === undefined)) {
    const current = parseKeyRing(options.ring ?? testEnv().TEST_AUTH_SIGNING_KEYS).keys.find((key) => key.status === "current");
    if (!current) throw new Error("the ring has no current key");
    const key = await importJWK(jwkOf(current, true), current.alg);
    return new SignJWT(payload).setProtectedHeader({ alg: current.alg, kid: current.kid, typ: "JWT", ...options.header }).sign(key);
  }
  const key = new TextEncoder().encode(options.secret ?? testEnv().TEST_AUTH_SECRET);
  return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT", ...options.header }).sign(key);
}

// Claims the server would accept for the type (ACCESS by default): access tokens name the app's
// origin as their issuer, the others TropiCal's own name.
export function validClaims(overrides: JWTPayload = {}, issuer = process.env.TEST_BASE_URL ? new URL(process.env.TEST_BASE_URL).origin : undefined): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const tokenType = overrides.tokenType ?? "ACCESS";
  return {
    sub: "00000000-0000-0000-0000-000000000000",
    email: "nobody@example.test",
    tokenType,
    iss: tokenType === "ACCESS" ? issuer : "tropical",
    aud: "tropical-web",
    iat: now,
    exp: now + 600,
    jti: crypto.randomUUID(),
    ...overrides,
  };
}

// An unsigned token: header {"alg":"none"}, no signature.
export function unsignedToken(payload: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.`;
}
