// Signing and verification of every TropiCal JWT. Edge-safe (jose and Web Crypto only): middleware.ts
// imports this module, so nothing here may reach the database, argon2 or Node built-ins.
import { decodeProtectedHeader, errors, importJWK, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { jwkOf, parseKeyRing, publicJwks, verifiesAt, type KeyRing, type RingKey } from "@/lib/auth/key-ring";
import { appOrigins, originSettings } from "@/lib/http/app-origin";

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

export const AUDIENCE = "tropical-web";
// Signed with the key ring, so that other parties can verify them with the public keys alone.
const SIGNED_TYPES: ReadonlySet<TokenType> = new Set(["ACCESS"]);
// Every other token is checked by TropiCal alone and stays HMAC, under AUTH_SECRET, never the
// ring's keys; its issuer is TropiCal's own name, as before the ring, so that the refresh tokens of
// an earlier release still bring their sessions over.
const HMAC_ALGORITHM = "HS256";
const HMAC_ISSUER = "tropical";
// A token dated further ahead than this was not minted by a server with a sane clock.
const MAX_CLOCK_SKEW_SECONDS = 30;
// A retired key verifies while a token it signed may still be alive: the longest it signs is an
// access token.
export const RETIRED_KEY_GRACE_SECONDS = TOKEN_LIFETIME_SECONDS.ACCESS + MAX_CLOCK_SKEW_SECONDS;
// Headers that would have a verifier fetch or trust a key named by the token itself (RFC 8725 3.10).
const KEY_CARRYING_HEADERS = ["jku", "jwk", "x5u", "x5c"];

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

// Tokens whose signature and claims passed, by their exact text. A browser sends the same access
// token with every request for 15 minutes, through the middleware and again to the handler, and
// each signature check is a Web Crypto job handed to the thread pool, which a loaded one-core server
// feels, against a lookup here (`npm run bench` measures both). Only what passed is kept, so a forged token always
// meets the full check; a hit still checks the type and the expiry; the memory is bounded; and a
// change of any key forgets them all.
const REMEMBERED_TOKENS = 10_000;
let verified = new Map<string, TokenClaims>();

// HS256 wants a key at least as long as its hash; the configuration check and `npm start` use this too.
export const AUTH_SECRET_MIN_BYTES = 32;

export function isLongEnoughSecret(secret: string): boolean {
  return new TextEncoder().encode(secret).length >= AUTH_SECRET_MIN_BYTES;
}

interface Keys {
  source: string;
  issuer: string;
  // HMAC keys: AUTH_SECRET's (signs) and AUTH_SECRET_PREVIOUS's (still verifies).
  hmac: Promise<CryptoKey[]>;
  ring: KeyRing | null;
  // The ring's keys as Web Crypto keys, imported on first use: by kid, the public parts; the current one's private part.
  verifying: Map<string, Promise<CryptoKey>>;
  signing: Promise<CryptoKey> | null;
}

let keys: Keys | undefined;

function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

// Read once per process, and again only if a variable changes, as in tests. Each variable is read
// by name (the Edge runtime offers no process.env as a whole), and the issuer, the app's origin as
// resource servers expect it, is derived only when one of its variables changed.
function getKeys(): Keys {
  const secret = process.env.AUTH_SECRET ?? "";
  const previous = process.env.AUTH_SECRET_PREVIOUS ?? "";
  const ringSource = process.env.AUTH_SIGNING_KEYS ?? "";
  const settings = originSettings();
  const source = `${secret}\n${previous}\n${ringSource}\n${process.env.PORT ?? ""}\n${Object.values(settings).join("\n")}`;
  if (keys?.source === source) return keys;
  if (!isLongEnoughSecret(secret)) throw new Error(`AUTH_SECRET must be at least ${AUTH_SECRET_MIN_BYTES} bytes`);
  const ring = ringSource ? parseKeyRing(ringSource) : null;
  const current = ring?.keys.find((key) => key.status === "current");
  verified = new Map();
  keys = {
    source,
    issuer: appOrigins(settings)?.origin ?? `http://localhost:${process.env.PORT ?? "3000"}`,
    hmac: Promise.all([secret, previous].filter((value) => isLongEnoughSecret(value)).map(hmacKey)),
    ring,
    verifying: new Map(),
    signing: current ? (importJWK(jwkOf(current, true), current.alg) as Promise<CryptoKey>) : null,
  };
  return keys;
}

// Each takes the keys of the check it serves: getKeys reads the environment, which a verify should
// do once, not at every step.
function ringKeyFor({ ring }: Keys, kid: unknown): RingKey | undefined {
  const key = ring?.keys.find((candidate) => candidate.kid === kid);
  return key && verifiesAt(key, Math.floor(Date.now() / 1000), RETIRED_KEY_GRACE_SECONDS) ? key : undefined;
}

function verifyingKey({ verifying }: Keys, key: RingKey): Promise<CryptoKey> {
  let imported = verifying.get(key.kid);
  if (!imported) {
    imported = importJWK(jwkOf(key, false), key.alg) as Promise<CryptoKey>;
    verifying.set(key.kid, imported);
  }
  return imported;
}

// What /.well-known/jwks.json serves.
export function signingJwks(): ReturnType<typeof publicJwks> {
  const { ring } = getKeys();
  return ring ? publicJwks(ring, Math.floor(Date.now() / 1000), RETIRED_KEY_GRACE_SECONDS) : { keys: [] };
}

export function tokenIssuer(): string {
  return getKeys().issuer;
}

// Signs with the ring's current key, its kid in the header.
async function signWithRing(jwt: SignJWT, typ: string): Promise<string> {
  const { ring, signing } = getKeys();
  const current = ring?.keys.find((key) => key.status === "current");
  if (!current || !signing) throw new Error("AUTH_SIGNING_KEYS is not set: run `npm run keys:rotate` to create a key ring");
  return jwt.setProtectedHeader({ alg: current.alg, kid: current.kid, typ }).sign(await signing);
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
  const { issuer, hmac } = getKeys();
  const signed = SIGNED_TYPES.has(tokenType);
  const jwt = new SignJWT(payload)
    .setSubject(options.sub)
    .setIssuer(signed ? issuer : HMAC_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(jti);
  const [hmacKey] = await hmac;
  const token = signed ? await signWithRing(jwt, "JWT") : await jwt.setProtectedHeader({ alg: HMAC_ALGORITHM, typ: "JWT" }).sign(hmacKey as CryptoKey);
  return { token, jti, expiresAt: new Date(exp * 1000) };
}

// A token for one internal service (the gateway, lib/services/): an RFC 9068 access token for that
// audience alone, for a minute, so a service that leaks it leaks little.
export async function signServiceToken(options: { audience: string; sub: string; sid: string; scopes: string[]; lifetimeSeconds?: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ sid: options.sid, scope: options.scopes.join(" "), client_id: "tropical-gateway" })
    .setSubject(options.sub)
    .setIssuer(tokenIssuer())
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifetimeSeconds ?? 60))
    .setJti(crypto.randomUUID());
  return signWithRing(jwt, "at+jwt");
}

export interface ServiceTokenClaims {
  sub: string;
  sid: string;
  scope: string;
  aud: string;
  iss: string;
  client_id: string;
  jti: string;
  iat: number;
  exp: number;
}

// A service token for `audience` alone, as signServiceToken makes them, checked the way
// verifySignature checks access tokens: the ring's key by kid with that key's algorithm, no key
// named by the token, its type at+jwt (so an access token is never taken for one, nor one for an
// access token, whose type is JWT), and the issuer ours. Not remembered: introspection checks each
// one once.
export async function verifyServiceToken(token: string, audience: string): Promise<ServiceTokenClaims | null> {
  try {
    const keys = getKeys();
    const header = decodeProtectedHeader(token);
    if (KEY_CARRYING_HEADERS.some((name) => name in header)) return null;
    const key = ringKeyFor(keys, header.kid);
    if (!key) return null;
    const { payload } = await jwtVerify(token, await verifyingKey(keys, key), {
      issuer: keys.issuer,
      audience,
      algorithms: [key.alg],
      typ: "at+jwt",
      requiredClaims: ["sub", "sid", "scope", "client_id", "jti", "iat", "exp"],
    });
    const { sub, sid, scope, client_id, jti, iat, exp, iss } = payload;
    if (
      typeof sub !== "string" ||
      typeof sid !== "string" ||
      typeof scope !== "string" ||
      typeof client_id !== "string" ||
      typeof jti !== "string" ||
      typeof iat !== "number" ||
      typeof exp !== "number" ||
      typeof iss !== "string" ||
      iat > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS
    ) {
      return null;
    }
    return { sub, sid, scope, aud: audience, iss, client_id, jti, iat, exp };
  } catch {
    return null;
  }
}

// The signature check: ring tokens by their kid and the algorithm of that key; HMAC tokens under
// the current secret's key, then the previous one's. jose is always handed the key itself, so it
// never consults a header to find one, and pinning the algorithm refuses `none` and confusion
// between the families (an HS256 token "signed" with a public key).
async function verifySignature(keys: Keys, token: string, expectedType: TokenType) {
  const header = decodeProtectedHeader(token);
  if (KEY_CARRYING_HEADERS.some((name) => name in header)) throw new errors.JWSInvalid("key-carrying header");
  const options = { audience: AUDIENCE, requiredClaims: ["sub", "exp", "iat", "jti", "email", "tokenType"], typ: "JWT" };
  if (SIGNED_TYPES.has(expectedType)) {
    const key = ringKeyFor(keys, header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return jwtVerify(token, await verifyingKey(keys, key), { ...options, issuer: keys.issuer, algorithms: [key.alg] });
  }
  const [current, ...previous] = await keys.hmac;
  try {
    return await jwtVerify(token, current as CryptoKey, { ...options, issuer: HMAC_ISSUER, algorithms: [HMAC_ALGORITHM] });
  } catch (error) {
    const fallback = previous[0];
    if (!(error instanceof errors.JWSSignatureVerificationFailed) || !fallback) throw error;
    return jwtVerify(token, fallback, { ...options, issuer: HMAC_ISSUER, algorithms: [HMAC_ALGORITHM] });
  }
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
    // First, so that a changed key has forgotten the tokens of the old one before the lookup.
    const keys = getKeys();
    const known = remembered(token, expectedType);
    if (known) return known;
    const { payload } = await verifySignature(keys, token, expectedType);
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
