import assert from "node:assert/strict";
import { test } from "node:test";
import { open, seal } from "@/lib/auth/secret-box";
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
  const sealed = seal("JBSWY3DPEHPK3PXP", key);
  assert.equal(open(sealed, key), "JBSWY3DPEHPK3PXP");
  assert.throws(() => open(sealed, `${key}!`));
  const tampered = Buffer.from(sealed, "base64url");
  tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
  assert.throws(() => open(tampered.toString("base64url"), key));
});
