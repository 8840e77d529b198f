// The asymmetric keys that sign what other parties verify (access tokens, service tokens), as a JWK
// set with a state on each key. Edge-safe (jose and Web Crypto only): the middleware verifies with it.
//
// A key's life: *next* (published in the JWKS and accepted, not yet signing, so every instance and
// every service's JWKS cache knows it before the first token it signs arrives), *current* (signs),
// *retired* (still accepted until the longest token it can have signed has expired, then ignored and
// left out of the JWKS). `npm run keys:rotate` moves a ring one step at a time (scripts/keys-rotate.ts).
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export const SIGNING_ALGORITHMS = ["ES256", "EdDSA"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

// A service may cache the JWKS this long (the jwks.json route's Cache-Control)…
export const JWKS_MAX_AGE_SECONDS = 5 * 60;
// …so a *next* key becomes *current* only once it has been published at least twice that long.
export const NEXT_KEY_PUBLISH_SECONDS = 2 * JWKS_MAX_AGE_SECONDS;

const CURVES = { ES256: { kty: "EC", crv: "P-256" }, EdDSA: { kty: "OKP", crv: "Ed25519" } } as const;

export interface RingKey {
  kid: string;
  alg: SigningAlgorithm;
  use?: "sig";
  kty: "EC" | "OKP";
  crv: "P-256" | "Ed25519";
  x: string;
  y?: string;
  d?: string;
  status: "next" | "current" | "retired";
  // Unix seconds: when the key was added to the ring, and when it stopped signing.
  created_at: number;
  retired_at?: number;
}

export interface KeyRing {
  keys: RingKey[];
}

const RING_KEY_MEMBERS = new Set(["kid", "alg", "use", "kty", "crv", "x", "y", "d", "status", "created_at", "retired_at"]);
const isText = (value: unknown, max = 512): value is string => typeof value === "string" && value.length > 0 && value.length <= max && /^[\w-]+$/.test(value);
const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

// Checked by hand rather than with zod: this runs in the Edge middleware, which imports jose alone.
function ringKeyProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "is not a JWK object";
  const key = value as Record<string, unknown>;
  const unknown = Object.keys(key).find((member) => !RING_KEY_MEMBERS.has(member));
  if (unknown) return `has an unknown member ${JSON.stringify(unknown.slice(0, 20))}`;
  if (!isText(key.kid, 128) || key.kid.length < 8) return "needs a kid of 8 to 128 URL-safe characters";
  if (key.alg !== "ES256" && key.alg !== "EdDSA") return `alg must be one of ${SIGNING_ALGORITHMS.join(", ")}`;
  const curve = CURVES[key.alg];
  if (key.kty !== curve.kty || key.crv !== curve.crv) return "alg, kty and crv do not match";
  if (!isText(key.x) || (key.kty === "EC") !== isText(key.y) || (key.d !== undefined && !isText(key.d))) return "has malformed key parts (x, y, d)";
  if (key.use !== undefined && key.use !== "sig") return 'use must be "sig"';
  if (key.status !== "next" && key.status !== "current" && key.status !== "retired") return "status must be next, current or retired";
  if (!isSeconds(key.created_at)) return "needs created_at (Unix seconds)";
  if (key.status === "retired" ? !isSeconds(key.retired_at) : key.retired_at !== undefined) return "retired_at belongs to retired keys, and every retired key needs one";
  return null;
}

function ringProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { keys?: unknown }).keys) || Object.keys(value).length !== 1) return 'must be {"keys":[…]}';
  const keys = (value as { keys: unknown[] }).keys;
  if (keys.length < 1 || keys.length > 10) return "must hold 1 to 10 keys";
  for (const [index, key] of keys.entries()) {
    const problem = ringKeyProblem(key);
    if (problem) return `keys.${index} ${problem}`;
  }
  const ring = value as KeyRing;
  const current = ring.keys.filter((key) => key.status === "current");
  if (current.length !== 1) return "needs exactly one current key";
  if (current[0]?.d === undefined) return "the current key needs its private part (d)";
  if (new Set(ring.keys.map((key) => key.kid)).size !== ring.keys.length) return "kids must be unique";
  return null;
}

// Throws with the reason, for the configuration check to name; never echoes key material.
export function parseKeyRing(source: string): KeyRing {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw new Error('is not JSON (a JWK set: {"keys":[…]}, as `npm run keys:rotate` prints)');
  }
  const problem = ringProblem(json);
  if (problem) throw new Error(`is not a valid key ring: ${problem}`);
  return json as KeyRing;
}

function checkedRing(ring: KeyRing): KeyRing {
  const problem = ringProblem(ring);
  if (problem) throw new Error(`rotation produced an invalid ring: ${problem}`);
  return ring;
}

// Whether a key still verifies at `now`: a retired key for `graceSeconds` after it stopped signing.
export function verifiesAt(key: RingKey, now: number, graceSeconds: number): boolean {
  return key.status !== "retired" || (key.retired_at ?? 0) + graceSeconds > now;
}

// What the JWKS publishes: the public parts of every key that verifies, never `d` or the states.
export function publicJwks(ring: KeyRing, now: number, graceSeconds: number): { keys: JWK[] } {
  return {
    keys: ring.keys
      .filter((key) => verifiesAt(key, now, graceSeconds))
      .map(({ kid, alg, kty, crv, x, y }) => (y === undefined ? { kid, alg, kty, crv, x, use: "sig" } : { kid, alg, kty, crv, x, y, use: "sig" })),
  };
}

export function jwkOf(key: RingKey, withPrivatePart: boolean): JWK {
  const { kid, alg, kty, crv, x, y, d } = key;
  return { kid, alg, kty, crv, x, ...(y === undefined ? {} : { y }), ...(withPrivatePart && d !== undefined ? { d } : {}) };
}

// A new key pair; its kid is the RFC 7638 thumbprint of the public key, so it names the key itself.
export async function generateRingKey(alg: SigningAlgorithm, status: "next" | "current", now: number): Promise<RingKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const key = { kid, alg, use: "sig", kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y === undefined ? {} : { y: jwk.y }), d: jwk.d, status, created_at: now };
  const problem = ringKeyProblem(key);
  if (problem) throw new Error(`generated key ${problem}`);
  return key as RingKey;
}

export type RotationStep =
  | { kind: "created"; kid: string }
  | { kind: "prepared"; kid: string; promotableAt: number }
  | { kind: "promoted"; kid: string; retiredKid: string; retiredUntil: number }
  | { kind: "wait"; kid: string; promotableAt: number }
  | { kind: "removed"; kids: string[] };

// One step of a rotation: drop retired keys whose tokens have all expired; then promote a *next*
// key that has been published long enough, or, with none, prepare one. Never removes a key that
// still verifies and never promotes early, whoever runs it when.
export async function rotateKeyRing(ring: KeyRing | null, options: { now: number; alg: SigningAlgorithm; graceSeconds: number }): Promise<{ ring: KeyRing; steps: RotationStep[] }> {
  const { now, alg, graceSeconds } = options;
  if (!ring) {
    const key = await generateRingKey(alg, "current", now);
    return { ring: { keys: [key] }, steps: [{ kind: "created", kid: key.kid }] };
  }
  const steps: RotationStep[] = [];
  const gone = ring.keys.filter((key) => !verifiesAt(key, now, graceSeconds)).map((key) => key.kid);
  let keys = ring.keys.filter((key) => verifiesAt(key, now, graceSeconds));
  if (gone.length > 0) steps.push({ kind: "removed", kids: gone });
  const next = keys.find((key) => key.status === "next");
  if (next) {
    const promotableAt = next.created_at + NEXT_KEY_PUBLISH_SECONDS;
    if (now < promotableAt) {
      steps.push({ kind: "wait", kid: next.kid, promotableAt });
    } else {
      const current = keys.find((key) => key.status === "current");
      keys = keys.map((key): RingKey => {
        if (key.kid === next.kid) return { ...key, status: "current" };
        // A retired key only verifies: its private part leaves the ring.
        if (key.kid === current?.kid) return { ...jwkOfRetired(key), retired_at: now };
        return key;
      });
      steps.push({ kind: "promoted", kid: next.kid, retiredKid: current?.kid ?? "", retiredUntil: now + graceSeconds });
    }
  } else {
    const key = await generateRingKey(alg, "next", now);
    keys = [...keys, key];
    steps.push({ kind: "prepared", kid: key.kid, promotableAt: now + NEXT_KEY_PUBLISH_SECONDS });
  }
  return { ring: checkedRing({ keys }), steps };
}

function jwkOfRetired(key: RingKey): RingKey {
  const { d: _private, ...rest } = key;
  return { ...rest, status: "retired" };
}
