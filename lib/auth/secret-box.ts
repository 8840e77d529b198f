// Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM, so a database dump alone does not
// yield them. The keys are derived from AUTH_SECRET (seals) and AUTH_SECRET_PREVIOUS (still opens),
// and each sealed value names its key: "v2.<key id>.<base64url(iv | tag | ciphertext)>", so a changed
// secret is noticed at start (lib/auth/sealed-secrets.ts) and a value under the old key is sealed
// again when next used. Values from before key ids are bare base64url, under whichever key opens them.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

interface BoxKey {
  id: string;
  key: Buffer;
}

// The derivation is the one of the values without ids, so those open under the same secret.
function boxKey(secret: string): BoxKey {
  const key = Buffer.from(hkdfSync("sha256", secret, "tropical", "secret-box/v1", 32));
  return { key, id: createHash("sha256").update("secret-box-key-id").update(key).digest("base64url").slice(0, 10) };
}

// The secrets the keys come from, the current one first (checked at start by lib/env.ts).
function configuredSecrets(): string[] {
  return [process.env.AUTH_SECRET, process.env.AUTH_SECRET_PREVIOUS].filter((secret): secret is string => Boolean(secret));
}

export class SealKeyMissing extends Error {
  constructor(readonly keyId: string) {
    super(`sealed under key ${keyId}, which this server does not have`);
  }
}

export function seal(plaintext: string, secrets = configuredSecrets()): string {
  const current = boxKey(secrets[0] ?? "");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v2.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

function decrypt(raw: Buffer, key: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

// The key id a sealed value names ("" for a value from before ids).
export function sealKeyId(sealed: string): string {
  return /^v2\.([\w-]+)\./.exec(sealed)?.[1] ?? "";
}

export function knownSealKeyIds(secrets = configuredSecrets()): string[] {
  return secrets.map((secret) => boxKey(secret).id);
}

// The plaintext, and whether the value should be sealed again under the current key.
export function open(sealed: string, secrets = configuredSecrets()): { plaintext: string; stale: boolean } {
  const keys = secrets.map(boxKey);
  const id = sealKeyId(sealed);
  if (!id) {
    for (const candidate of keys) {
      try {
        // Always sealed again, to gain its key id.
        return { plaintext: decrypt(Buffer.from(sealed, "base64url"), candidate.key), stale: true };
      } catch {
        // Not this key: the tag check failed; try the next.
      }
    }
    throw new SealKeyMissing("(none: sealed before key ids)");
  }
  const index = keys.findIndex((candidate) => candidate.id === id);
  const match = keys[index];
  if (!match) throw new SealKeyMissing(id);
  return { plaintext: decrypt(Buffer.from(sealed.slice(`v2.${id}.`.length), "base64url"), match.key), stale: index > 0 };
}
