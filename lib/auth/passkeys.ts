import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { describeDevice } from "@/lib/auth/device";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { recordAccountChange } from "@/lib/auth/security-notices";
import type { IssuedSession } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { finishSignIn } from "@/lib/auth/sign-in";
import { assertSsoNotRequired } from "@/lib/auth/sso/connections";

const CHALLENGE_SECONDS = 5 * 60;
const MAX_PASSKEYS = 20;

// The relying party is TropiCal's own public origin: a passkey made here works nowhere else.
function relyingParty(): { id: string; origin: string } {
  const url = new URL(getEnv().APP_URL);
  return { id: url.hostname, origin: url.origin };
}

type ChallengePurpose = "REGISTER" | "LOGIN" | "REAUTH";

async function storeChallenge(challenge: string, purpose: ChallengePurpose, userId: string | null): Promise<void> {
  const db = getDb();
  // Expired challenges are swept as new ones are made, so the table never grows without bound.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.webAuthnChallenge.create({ data: { challenge, purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000) } });
}

// Good once: the first verification to claim a challenge wins; a replay finds it used.
function challengeConsumer(purpose: ChallengePurpose, userId: string | null) {
  return async (challenge: string): Promise<boolean> => {
    const claimed = await getDb().webAuthnChallenge.updateMany({
      where: { challenge, purpose, userId, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    return claimed.count === 1;
  };
}

export async function registrationOptions(user: { id: string; email: string; nickname: string }) {
  const existing = await getDb().passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  if (existing.length >= MAX_PASSKEYS) throw new ApiError("LIMIT_REACHED");
  const options = await generateRegistrationOptions({
    rpName: "TropiCal",
    rpID: relyingParty().id,
    userName: user.email,
    userDisplayName: user.nickname,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: splitTransports(passkey.transports) })),
    // Discoverable, so the login page can offer passkeys without asking for an e-mail first.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await storeChallenge(options.challenge, "REGISTER", user.id);
  return options;
}

function splitTransports(value: string): AuthenticatorTransport[] {
  const known: AuthenticatorTransport[] = ["ble", "hybrid", "internal", "nfc", "usb"];
  return value.split(",").flatMap((entry) => known.filter((transport) => transport === entry));
}

export async function registerPasskey(userId: string, response: RegistrationResponseJSON, name: string | undefined, meta: RequestMeta): Promise<PasskeyView> {
  const { id: rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challengeConsumer("REGISTER", userId),
    expectedOrigin: origin,
    expectedRPID: rpID,
  }).catch(() => null);
  if (!verification?.verified) throw new ApiError("INVALID_INPUT", { response: "passkeyNotVerified" });
  const { credential, credentialBackedUp } = verification.registrationInfo;
  const passkey = await getDb()
    .passkey.create({
      data: {
        id: credential.id,
        userId,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(","),
        name: name?.trim() || describeDevice(meta.userAgent),
        backedUp: credentialBackedUp,
      },
    })
    .catch((error: unknown) => {
      // A credential id is the authenticator's own: one already registered (here or to another
      // account) is refused, never moved.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ApiError("INVALID_INPUT", { response: "passkeyAlreadyRegistered" });
      throw error;
    });
  await recordAccountChange(userId, "PASSKEY_ADDED", meta, { method: "PASSKEY", detail: passkey.name });
  return toView(passkey);
}

export async function loginOptions() {
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, userVerification: "preferred" });
  await storeChallenge(options.challenge, "LOGIN", null);
  return options;
}

// A signed-in user proving it is them again (lib/auth/step-up.ts): only their own passkeys are offered.
export async function proofOptions(userId: string) {
  const passkeys = await getDb().passkey.findMany({ where: { userId }, select: { id: true, transports: true } });
  if (passkeys.length === 0) throw new ApiError("CONFLICT_STATE");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: "preferred",
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.id, transports: splitTransports(passkey.transports) })),
  });
  await storeChallenge(options.challenge, "REAUTH", userId);
  return options;
}

// The assertion checked against its challenge (claimed once), the stored key and the signature
// counter; answers the passkey and its user, or refuses with INVALID_CREDENTIALS.
async function verifiedPasskey(response: AuthenticationResponseJSON, purpose: "LOGIN" | "REAUTH", userId: string | null, meta: RequestMeta) {
  const db = getDb();
  const passkey = await db.passkey.findUnique({ where: { id: response.id }, include: { user: true } });
  if (!passkey || (userId !== null && passkey.userId !== userId)) throw new ApiError("INVALID_CREDENTIALS");
  const { id: rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challengeConsumer(purpose, userId),
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: splitTransports(passkey.transports) },
  }).catch(() => null);
  if (!verification?.verified) {
    await recordSecurityEvent({ userId: passkey.userId, type: "LOGIN_FAILURE", method: "PASSKEY", reason: "assertion not verified" }, meta);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  // A counter that fails to grow (where the authenticator keeps one) points to a cloned key.
  const { newCounter } = verification.authenticationInfo;
  const counted = await db.passkey.updateMany({
    where: { id: passkey.id, OR: [{ counter: { lt: newCounter } }, { counter: 0 }] },
    data: { counter: newCounter, lastUsedAt: new Date() },
  });
  if (counted.count === 0) {
    await recordSecurityEvent({ userId: passkey.userId, type: "LOGIN_FAILURE", method: "PASSKEY", reason: "signature counter did not increase" }, meta);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  return passkey;
}

// A passkey proves possession and (with user verification) the user: it counts as both factors.
export async function logInWithPasskey(response: AuthenticationResponseJSON, meta: RequestMeta): Promise<IssuedSession> {
  const passkey = await verifiedPasskey(response, "LOGIN", null, meta);
  if (!passkey.user.emailVerifiedAt) throw new ApiError("EMAIL_NOT_VERIFIED");
  await assertSsoNotRequired(passkey.user.email);
  return finishSignIn(passkey.user, meta, "PASSKEY");
}

// For step-up: the assertion must come from one of the user's own passkeys.
export async function verifyOwnPasskey(userId: string, response: AuthenticationResponseJSON, meta: RequestMeta): Promise<void> {
  await verifiedPasskey(response, "REAUTH", userId, meta);
}

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

function toView(passkey: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; backedUp: boolean }): PasskeyView {
  return { id: passkey.id, name: passkey.name, createdAt: passkey.createdAt.toISOString(), lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null, backedUp: passkey.backedUp };
}

export async function listPasskeys(userId: string): Promise<PasskeyView[]> {
  return (await getDb().passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map(toView);
}

export async function renamePasskey(userId: string, id: string, name: string): Promise<PasskeyView> {
  const updated = await getDb().passkey.updateMany({ where: { id, userId }, data: { name } });
  if (updated.count === 0) throw new ApiError("NOT_FOUND");
  const passkey = await getDb().passkey.findUnique({ where: { id } });
  if (!passkey) throw new ApiError("NOT_FOUND");
  return toView(passkey);
}

// Like unlinking a provider (social.ts): never the last way to sign in, checked under the user row's
// lock so two removals racing each other cannot both pass.
export async function deletePasskey(userId: string, id: string, meta: RequestMeta): Promise<void> {
  const removed = await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true, _count: { select: { passkeys: true, accounts: true } } } });
    const passkey = await tx.passkey.findFirst({ where: { id, userId }, select: { id: true, name: true } });
    if (!user || !passkey) throw new ApiError("NOT_FOUND");
    const otherWays = (user.passwordHash ? 1 : 0) + (user._count.passkeys - 1) + user._count.accounts;
    if (otherWays < 1) throw new ApiError("LAST_SIGN_IN_METHOD");
    await tx.passkey.delete({ where: { id: passkey.id } });
    return passkey;
  });
  await recordAccountChange(userId, "PASSKEY_REMOVED", meta, { method: "PASSKEY", detail: removed.name });
}

export async function hasPasskey(userId: string): Promise<boolean> {
  return (await getDb().passkey.count({ where: { userId } })) > 0;
}
