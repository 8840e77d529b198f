import "server-only";
import { ApiError } from "@/lib/errors";
import { deviceDetails, queueMail } from "@/lib/auth/mail-intents";
import { rememberDevice } from "@/lib/auth/devices";
import { recordSignIn } from "@/lib/auth/security-events";
import { createSession, type IssuedSession, type SessionUser } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { onlyPasskeyProves, provesStrongestFactor, type ProofAccount } from "@/lib/auth/step-up";
import { sendLater } from "@/lib/mail/later";

// An administrator disabled the account (lib/auth/admin.ts): no way in signs in to it. Said only
// after the proof succeeded, so it reveals nothing to someone who could not sign in anyway.
export function assertNotDisabled(user: { disabledAt: Date | null }): void {
  if (user.disabledAt) throw new ApiError("ACCOUNT_DISABLED");
}

// The last step of every way in (password, password + second factor, passkey, provider): a new
// session, the device remembered, the sign-in recorded, and the owner told when it came from a
// device or country never seen before. `method` names the factors used ("PASSWORD+TOTP",
// "PASSKEY", "GOOGLE"…).
export async function finishSignIn(user: SessionUser & ProofAccount & { disabledAt: Date | null }, meta: RequestMeta, method: string): Promise<IssuedSession> {
  assertNotDisabled(user);
  const newDevice = await rememberDevice(user.id, meta);
  const [{ newCountry, signedInBefore }, session] = await Promise.all([
    recordSignIn(user.id, method, meta, newDevice),
    createSession(user, meta, provesStrongestFactor(method, user, await onlyPasskeyProves(user))),
  ]);
  // A code mailed to the account just proved its owner is there: no second mail about the device.
  const toldAlready = method.endsWith("+EMAIL_CODE");
  if ((newDevice || newCountry) && signedInBefore && !toldAlready) {
    sendLater(() => queueMail({ kind: "NEW_DEVICE", address: user.email, userId: user.id, details: deviceDetails(meta) }));
  }
  return session;
}
