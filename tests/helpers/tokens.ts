import { SignJWT, type JWTPayload } from "jose";
import { testEnv } from "./env";

// Mints tokens the way an attacker who knows the format (but maybe not the key) would.
export async function forgeToken(payload: JWTPayload, options: { secret?: string; alg?: string; header?: Record<string, unknown> } = {}): Promise<string> {
  const key = new TextEncoder().encode(options.secret ?? testEnv().TEST_AUTH_SECRET);
  return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT", ...options.header }).sign(key);
}

export function validClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: "00000000-0000-0000-0000-000000000000",
    email: "nobody@example.test",
    tokenType: "ACCESS",
    iss: "tropical",
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
