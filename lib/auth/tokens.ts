// Signing and verification of every TropiCal JWT. Edge-safe (jose and Web Crypto only): middleware.ts
// imports this module, so nothing here may reach the database, argon2 or Node built-ins.
import { errors, jwtVerify, SignJWT, type JWTPayload } from "jose";

export const TOKEN_LIFETIME_SECONDS = {
  ACCESS: 15 * 60,
  REFRESH: 14 * 24 * 60 * 60,
  ONBOARDING: 30 * 60,
  EMAIL_VERIFY: 30 * 60,
  PASSWORD_RESET: 30 * 60,
  // Mailed to a new address to confirm a change of e-mail; and to the old one, to undo it for a week.
  EMAIL_CHANGE: 30 * 60,
  EMAIL_REVERT: 7 * 24 * 60 * 60,
  // Between a correct password and the second factor: short, and accepted by the 2FA step alone.
  MFA: 5 * 60,
} as const;

export type TokenType = keyof typeof TOKEN_LIFETIME_SECONDS;

const ISSUER = "tropical";
const AUDIENCE = "tropical-web";
const ALGORITHM = "HS256";
// A token dated further ahead than this was not minted by a server with a sane clock.
const MAX_CLOCK_SKEW_SECONDS = 30;

export interface TokenClaims {
  sub: string;
  email: string;
  tokenType: TokenType;
  jti: string;
  iat: number;
  exp: number;
  // Session id on ACCESS and REFRESH tokens.
  sid?: string;
  // On ACCESS tokens, so the Edge middleware can route /admin; handlers check the database again.
  role?: Role;
  // On MFA tokens: the first factor already passed (PASSWORD, or a provider such as GOOGLE).
  via?: string;
  // On mailed tokens that act on a row (EMAIL_CHANGE, EMAIL_REVERT): its id.
  ref?: string;
}

export type Role = "USER" | "ADMIN";

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: "expired" | "invalid" };

let keyPromise: Promise<CryptoKey> | undefined;
let keySource: string | undefined;

// Tokens whose signature and claims passed, by their exact text. A browser sends the same access
// token with every request for 15 minutes, through the middleware and again to the handler, and
// each signature check is a Web Crypto job handed to the thread pool, which a loaded one-core server
// feels, against a lookup here (`npm run bench` measures both). Only what passed is kept, so a forged token always
// meets the full check; a hit still checks the type and the expiry; the memory is bounded; and a
// change of secret forgets them all.
const REMEMBERED_TOKENS = 10_000;
let verified = new Map<string, TokenClaims>();

// HS256 wants a key at least as long as its hash; the configuration check and `npm start` use this too.
export const AUTH_SECRET_MIN_BYTES = 32;

export function isLongEnoughSecret(secret: string): boolean {
  return new TextEncoder().encode(secret).length >= AUTH_SECRET_MIN_BYTES;
}

// Imported (and its length checked) once per process, and again only if the secret changes, as in tests.
function getKey(): Promise<CryptoKey> {
  const secret = process.env.AUTH_SECRET ?? "";
  if (!keyPromise || keySource !== secret) {
    if (!isLongEnoughSecret(secret)) throw new Error(`AUTH_SECRET must be at least ${AUTH_SECRET_MIN_BYTES} bytes`);
    keySource = secret;
    verified = new Map();
    keyPromise = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  }
  return keyPromise;
}

export interface SignOptions {
  sub: string;
  email: string;
  sid?: string;
  role?: Role;
  via?: string;
  ref?: string;
  // Absolute expiry; defaults to now + the type's lifetime. Refresh rotation passes the session's end.
  expiresAt?: Date;
  // Fixed by refresh rotation so that a successor can be minted again byte for byte.
  jti?: string;
  issuedAt?: Date;
}

export async function signToken(tokenType: TokenType, options: SignOptions): Promise<{ token: string; jti: string; expiresAt: Date }> {
  const now = Math.floor((options.issuedAt?.getTime() ?? Date.now()) / 1000);
  const exp = options.expiresAt ? Math.floor(options.expiresAt.getTime() / 1000) : now + TOKEN_LIFETIME_SECONDS[tokenType];
  const jti = options.jti ?? crypto.randomUUID();
  const payload: JWTPayload = { email: options.email, tokenType };
  if (options.sid) payload.sid = options.sid;
  if (options.role) payload.role = options.role;
  if (options.via) payload.via = options.via;
  if (options.ref) payload.ref = options.ref;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(options.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(jti)
    .sign(await getKey());
  return { token, jti, expiresAt: new Date(exp * 1000) };
}

function isTokenType(value: unknown): value is TokenType {
  return typeof value === "string" && Object.hasOwn(TOKEN_LIFETIME_SECONDS, value);
}

function remembered(token: string, expectedType: TokenType): VerifyResult | undefined {
  const claims = verified.get(token);
  if (!claims) return undefined;
  if (claims.tokenType !== expectedType) return { ok: false, reason: "invalid" };
  // As jose decides it: expired from the second `exp` names on.
  if (claims.exp <= Math.floor(Date.now() / 1000)) {
    verified.delete(token);
    return { ok: false, reason: "expired" };
  }
  return { ok: true, claims };
}

function remember(token: string, claims: TokenClaims): void {
  // Past the bound it starts over: one clear, where dropping the oldest entry each time made every
  // insert walk the Map's deleted slots, slowing every full check (measured in bench/). A token still in use then
  // pays one full check again.
  if (verified.size >= REMEMBERED_TOKENS) verified.clear();
  verified.set(token, claims);
}

export async function verifyToken(token: string | undefined, expectedType: TokenType): Promise<VerifyResult> {
  if (!token) return { ok: false, reason: "invalid" };
  try {
    // First, so that a changed secret has forgotten the tokens of the old one before the lookup.
    const key = getKey();
    const known = remembered(token, expectedType);
    if (known) return known;
    // The key is a fixed HMAC key: jose never consults `kid`, `jku` or `jwk` headers with it, and
    // pinning the algorithm refuses `none` and any asymmetric algorithm.
    const { payload } = await jwtVerify(token, await key, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["sub", "exp", "iat", "jti", "email", "tokenType"],
      typ: "JWT",
    });
    const { sub, email, tokenType, jti, iat, exp, sid, role, via, ref } = payload;
    if (
      typeof sub !== "string" ||
      typeof email !== "string" ||
      typeof jti !== "string" ||
      typeof iat !== "number" ||
      typeof exp !== "number" ||
      (sid !== undefined && typeof sid !== "string") ||
      (via !== undefined && typeof via !== "string") ||
      (ref !== undefined && typeof ref !== "string") ||
      (role !== undefined && role !== "USER" && role !== "ADMIN") ||
      !isTokenType(tokenType) ||
      tokenType !== expectedType ||
      iat > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS
    ) {
      return { ok: false, reason: "invalid" };
    }
    const claims: TokenClaims = { sub, email, tokenType, jti, iat, exp, sid, via, ref, role: role === "ADMIN" || role === "USER" ? role : undefined };
    // Frozen: every later caller shares this object.
    remember(token, Object.freeze(claims));
    return { ok: true, claims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    return { ok: false, reason: "invalid" };
  }
}
