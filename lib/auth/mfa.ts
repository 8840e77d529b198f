import "server-only";
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { countProofAttempt } from "@/lib/auth/login-throttle";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { recordAccountChange } from "@/lib/auth/security-notices";
import { open, seal } from "@/lib/auth/secret-box";
import type { IssuedSession } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { trustDevice } from "@/lib/auth/devices";
import { finishSignIn } from "@/lib/auth/sign-in";
import { checkSignInCode, voidSignInChallenge } from "@/lib/auth/sign-in-codes";
import { signToken, verifyToken } from "@/lib/auth/tokens";
import { generateRecoveryCode, generateTotpSecret, matchTotp, normalizeRecoveryCode, otpauthUri } from "@/lib/auth/totp";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";

export const RECOVERY_CODE_COUNT = 10;
// Guesses at the second step: a few per pending sign-in, within the account's cap (countProofAttempt).
const ATTEMPTS_PER_PENDING_SIGN_IN: RateLimit = { name: "mfa-attempt", max: 5, windowSeconds: 5 * 60 };

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}

async function loadUser(userId: string) {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return user;
}

// Accepts a TOTP code once: the step it matched is stored, and only a later step works next time
// (compare-and-set, so two requests racing with one code cannot both pass).
async function consumeTotp(user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const { plaintext, stale } = open(user.totpSecret);
  const step = matchTotp(plaintext, code, user.totpLastStep);
  if (step === null) return false;
  const claimed = await getDb().user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    // A seed under the previous secret's key moves to the current one on its first use.
    data: { totpLastStep: step, ...(stale ? { totpSecret: seal(plaintext) } : {}) },
  });
  return claimed.count === 1;
}

async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  const used = await getDb().recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1;
}

async function replaceRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  const db = getDb();
  await db.$transaction([db.recoveryCode.deleteMany({ where: { userId } }), db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) })]);
  return codes;
}

export interface TotpSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

// A new secret, kept pending (and encrypted) until the user proves their app has it.
export async function startTotpSetup(userId: string): Promise<TotpSetup> {
  const user = await loadUser(userId);
  if (user.totpEnabledAt) throw new ApiError("CONFLICT_STATE");
  const secret = generateTotpSecret();
  await getDb().user.update({ where: { id: userId }, data: { totpPendingSecret: seal(secret) } });
  const uri = otpauthUri(secret, user.email);
  // Rendered here, never by an outside service: the secret stays between the server and the user.
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

// "Cancel" in the setup step: the secret shown on screen never becomes a way in. An account that
// has turned the app on keeps it (only the pending secret goes).
export async function cancelTotpSetup(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { totpPendingSecret: null } });
}

export async function enableTotp(userId: string, code: string, meta: RequestMeta): Promise<string[]> {
  const user = await loadUser(userId);
  if (user.totpEnabledAt) throw new ApiError("CONFLICT_STATE");
  if (!user.totpPendingSecret) throw new ApiError("INVALID_INPUT", { code: "totpSetupExpired" });
  const step = matchTotp(open(user.totpPendingSecret).plaintext, code, null);
  if (step === null) throw new ApiError("INVALID_INPUT", { code: "totpWrong" });
  await getDb().user.update({
    where: { id: userId },
    data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
  });
  const codes = await replaceRecoveryCodes(userId);
  await recordAccountChange(userId, "MFA_ENABLED", meta, { method: "TOTP" });
  return codes;
}

// Turning two-step verification off needs a recent proof (the route declares it, lib/auth/step-up.ts).
export async function disableTotp(userId: string, meta: RequestMeta): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  await recordAccountChange(userId, "MFA_DISABLED", meta, { method: "TOTP" });
}

export async function regenerateRecoveryCodes(userId: string, meta: RequestMeta): Promise<string[]> {
  const user = await loadUser(userId);
  if (!user.totpEnabledAt) throw new ApiError("CONFLICT_STATE");
  const codes = await replaceRecoveryCodes(userId);
  await recordAccountChange(userId, "RECOVERY_CODES_RENEWED", meta);
  return codes;
}

// A TOTP or recovery code for the account, spent if it matches; false otherwise.
export async function consumeSecondFactor(user: { id: string; totpSecret: string | null; totpLastStep: number | null }, input: { code?: string; recoveryCode?: string }): Promise<boolean> {
  if (input.recoveryCode) return consumeRecoveryCode(user.id, input.recoveryCode);
  return input.code ? consumeTotp(user, input.code) : false;
}

export async function mfaStatus(userId: string): Promise<{ totpEnabled: boolean; recoveryCodesLeft: number }> {
  const user = await loadUser(userId);
  const left = await getDb().recoveryCode.count({ where: { userId, usedAt: null } });
  return { totpEnabled: user.totpEnabledAt !== null, recoveryCodesLeft: left };
}

// After a correct first factor (the password, or a provider) for an account with 2FA: a short token
// that only the second step accepts.
export async function issueMfaToken(user: { id: string; email: string }, via: string): Promise<string> {
  return (await signToken("MFA", { sub: user.id, email: user.email, via })).token;
}

export interface SecondStepInput {
  code?: string;
  recoveryCode?: string;
  // The code mailed for a sign-in from an unrecognised device (lib/auth/sign-in-codes.ts).
  emailCode?: string;
  // "Trust this device for 30 days": the next password sign-in here skips the authenticator code.
  trustDevice?: boolean;
}

// "Use another account" at the second step: a mailed code's challenge is voided, so the code in the
// mail opens nothing; the route clears the pending cookie, which only the server can (HttpOnly).
export async function abandonPendingSignIn(token: string | undefined): Promise<void> {
  const verified = await verifyToken(token, "MFA");
  if (verified.ok && verified.claims.ref) await voidSignInChallenge(verified.claims.sub, verified.claims.ref);
}

export async function completeMfa(token: string | undefined, input: SecondStepInput, meta: RequestMeta): Promise<IssuedSession> {
  const verified = await verifyToken(token, "MFA");
  if (!verified.ok) throw new ApiError("UNAUTHENTICATED");
  const { claims } = verified;
  await consumeRateLimit(ATTEMPTS_PER_PENDING_SIGN_IN, claims.jti);
  await countProofAttempt(claims.sub);
  const user = await loadUser(claims.sub);
  // A password changed or reset since the password step voids the pending sign-in: its first factor
  // is no longer the account's (iat has one-second resolution, so the very second counts as before).
  const passwordChangedSince = user.passwordChangedAt !== null && claims.iat <= Math.floor(user.passwordChangedAt.getTime() / 1000);
  if (user.email !== claims.email || passwordChangedSince) throw new ApiError("UNAUTHENTICATED");
  // A pending sign-in that names a challenge waits for the mailed code; any other, for the app's.
  if (claims.ref) {
    if (!(input.emailCode && (await checkSignInCode(user.id, claims.ref, input.emailCode, meta)))) {
      await recordSecurityEvent({ userId: user.id, type: "MFA_FAILURE", method: "EMAIL_CODE" }, meta);
      throw new ApiError("INVALID_INPUT", { emailCode: "codeWrong" });
    }
    return finishSignIn(user, meta, `${claims.via ?? "PASSWORD"}+EMAIL_CODE`);
  }
  if (!user.totpEnabledAt) throw new ApiError("UNAUTHENTICATED");
  const passed = await consumeSecondFactor(user, input);
  if (!passed) {
    await recordSecurityEvent({ userId: user.id, type: "MFA_FAILURE", method: input.recoveryCode ? "RECOVERY_CODE" : "TOTP" }, meta);
    throw new ApiError("INVALID_INPUT", input.recoveryCode ? { recoveryCode: "recoveryCodeWrong" } : { code: "totpWrong" });
  }
  if (input.recoveryCode) await recordAccountChange(user.id, "RECOVERY_CODE_USED", meta);
  const session = await finishSignIn(user, meta, `${claims.via ?? "PASSWORD"}+${input.recoveryCode ? "RECOVERY_CODE" : "TOTP"}`);
  if (input.trustDevice) await trustDevice(user.id, meta);
  return session;
}
