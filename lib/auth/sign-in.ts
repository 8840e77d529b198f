import "server-only";
import { deviceDetails, queueMail } from "@/lib/auth/mail-intents";
import { recordSignIn } from "@/lib/auth/security-events";
import { createSession, type IssuedSession, type SessionUser } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { provesStrongestFactor, type ProofAccount } from "@/lib/auth/step-up";
import { sendLater } from "@/lib/mail/later";

// The last step of every way in (password, password + second factor, passkey, provider): a new
// session, the sign-in recorded, and the owner told when it came from a device or country never
// seen before. `method` names the factors used ("PASSWORD+TOTP", "PASSKEY", "GOOGLE"…).
export async function finishSignIn(user: SessionUser & ProofAccount, meta: RequestMeta, method: string): Promise<IssuedSession> {
  const [{ newDevice, newCountry, signedInBefore }, session] = await Promise.all([
    recordSignIn(user.id, method, meta),
    createSession(user, meta, provesStrongestFactor(method, user)),
  ]);
  if ((newDevice || newCountry) && signedInBefore) {
    sendLater(() => queueMail({ kind: "NEW_DEVICE", address: user.email, userId: user.id, details: deviceDetails(meta) }));
  }
  return session;
}
