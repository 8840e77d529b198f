import assert from "node:assert/strict";
import { test } from "node:test";
import { knownSealKeyIds, open, seal, SealKeyMissing, sealKeyId } from "@/lib/auth/secret-box";
import { base32Decode, base32Encode, generateRecoveryCode, matchTotp, normalizeRecoveryCode, timeStep, totpCode } from "@/lib/auth/totp";

test("codes match RFC 6238's SHA-1 test vectors", () => {
  // RFC 6238 Appendix B: the ASCII secret "12345678901234567890", 8-digit codes truncated to 6.
  const secret = base32Encode(Buffer.from("12345678901234567890"));
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ];
  for (const [seconds, eight] of vectors) assert.equal(totpCode(secret, Math.floor(seconds / 30)), eight.slice(-6), String(seconds));
});

test("base32 round-trips", () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 128, 64]);
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
});

test("a code is accepted one step either side of now, and never for a step already used", () => {
  const secret = base32Encode(Buffer.from("an authenticator secret!"));
  const now = 1_900_000_000_000;
  const step = timeStep(now);
  assert.equal(matchTotp(secret, totpCode(secret, step), null, now), step);
  assert.equal(matchTotp(secret, totpCode(secret, step - 1), null, now), step - 1);
  assert.equal(matchTotp(secret, totpCode(secret, step + 1), null, now), step + 1);
  assert.equal(matchTotp(secret, totpCode(secret, step - 2), null, now), null);
  assert.equal(matchTotp(secret, totpCode(secret, step + 2), null, now), null);
  assert.equal(matchTotp(secret, totpCode(secret, step), step, now), null, "the same step twice");
  assert.equal(matchTotp(secret, "12345", null, now), null);
  assert.equal(matchTotp(secret, "abcdef", null, now), null);
});

test("recovery codes carry 120 bits and are read forgivingly", () => {
  const code = generateRecoveryCode();
  assert.match(code, /^([A-Z2-7]{4}-){5}[A-Z2-7]{4}$/);
  assert.equal(normalizeRecoveryCode(` ${code.toLowerCase()} `), code.replaceAll("-", ""));
});

test("sealed secrets open only with the same key, and tampering is detected", () => {
  const key = "a secret key that is at least thirty-two bytes";
  const sealed = seal("JBSWY3DPEHPK3PXP", [key]);
  assert.deepEqual(open(sealed, [key]), { plaintext: "JBSWY3DPEHPK3PXP", stale: false });
  assert.throws(() => open(sealed, [`${key}!`]), SealKeyMissing);
  const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.at(-1)}`;
  assert.throws(() => open(flipped, [key]));
});

test("a sealed value names its key; under the previous secret it opens and is marked stale; without that secret it names the missing key", () => {
  const old = "the secret before the rotation, long enough";
  const current = "the secret after the rotation, long enough!";
  const sealed = seal("JBSWY3DPEHPK3PXP", [old]);
  assert.equal(sealKeyId(sealed), knownSealKeyIds([old])[0]);
  assert.deepEqual(open(sealed, [current, old]), { plaintext: "JBSWY3DPEHPK3PXP", stale: true });
  assert.throws(
    () => open(sealed, [current]),
    (error: unknown) => error instanceof SealKeyMissing && error.keyId === sealKeyId(sealed),
  );
  assert.ok(!sealed.includes(old) && !sealKeyId(sealed).includes(knownSealKeyIds([current])[0] ?? "-"));
});

test("a value sealed before key ids (bare base64url) still opens, and is marked stale to gain an id", () => {
  const secret = "a secret key that is at least thirty-two bytes";
  const withId = seal("JBSWY3DPEHPK3PXP", [secret]);
  const bare = withId.slice(`v2.${sealKeyId(withId)}.`.length);
  assert.deepEqual(open(bare, ["another secret that is at least thirty-two", secret]), { plaintext: "JBSWY3DPEHPK3PXP", stale: true });
  assert.throws(() => open(bare, ["another secret that is at least thirty-two"]), SealKeyMissing);
});
