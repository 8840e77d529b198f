import "server-only";
import { getDb } from "@/lib/db";
import { deviceDetails, queueMail } from "@/lib/auth/mail-intents";
import { recordSecurityEvent, unfamiliarSignIn } from "@/lib/auth/security-events";
import { createSession, type IssuedSession, type RequestMeta, type SessionUser } from "@/lib/auth/sessions";
import { sendLater } from "@/lib/mail/later";

// The last step of every way in (password, password + second factor, passkey): a new session, the
// sign-in recorded, and the owner told when it came from a device or country never seen before.
export async function finishSignIn(user: SessionUser, meta: RequestMeta, method: string): Promise<IssuedSession> {
  // The checks read earlier sign-ins only, so the new session can be written at the same time; this
  // sign-in's own record follows, once it is known whether the device or country is new.
  const [{ newDevice, newCountry }, earlier, session] = await Promise.all([
    unfamiliarSignIn(user.id, meta),
    // The first sign-in ever is no news to its owner: only an account signed in before hears of it.
    getDb().securityEvent.findFirst({ where: { userId: user.id, type: "LOGIN_SUCCESS" }, select: { id: true } }),
    createSession(user, meta),
  ]);
  const signedInBefore = earlier !== null;
  await recordSecurityEvent({ userId: user.id, type: "LOGIN_SUCCESS", method, newDevice, newCountry }, meta);
  if ((newDevice || newCountry) && signedInBefore) {
    sendLater(() => queueMail({ kind: "NEW_DEVICE", address: user.email, userId: user.id, details: deviceDetails(meta) }));
  }
  return session;
}
