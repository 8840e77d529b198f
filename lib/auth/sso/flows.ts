import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma, SsoFlow } from "@/lib/generated/prisma/client";

// The browser a company sign-in was started in: a random value in a cookie sent only to the SSO
// routes, whose hash every flow row keeps. An identity provider's answer counts only in the browser
// that asked for it (login CSRF, a stolen callback URL or SAML response), and only once.
export const SSO_BROWSER_COOKIE = "tropical.sso.browser";
const SSO_COOKIE_PATH = "/api/auth/sso";
// Long enough to pick an identity and type a password at the identity provider.
export const FLOW_SECONDS = 10 * 60;

function hash(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function browserValue(request: NextRequest): string | undefined {
  const value = request.cookies.get(SSO_BROWSER_COOKIE)?.value;
  return value && /^[\w-]{32,64}$/.test(value) ? value : undefined;
}

// What a round trip is for: a sign-in that lands on `next`, or the step-up of a signed-in session.
export interface FlowPurpose {
  next: string;
  proofSessionId?: string;
}

export interface NewFlow extends FlowPurpose {
  connectionId: string;
  // What the answer must name: the OIDC state, or the SAML AuthnRequest's ID (InResponseTo).
  requestId: string;
  codeVerifier?: string;
  nonce?: string;
}

// Records the flow; `bind` sets the browser cookie on the answer. The cookie is kept when the
// browser has one, so two sign-ins started in two tabs both stay good.
export async function startFlow(request: NextRequest, flow: NewFlow): Promise<{ bind: (response: NextResponse) => void }> {
  const browser = browserValue(request) ?? randomBytes(32).toString("base64url");
  await getDb().ssoFlow.create({ data: { ...flow, browserHash: hash(browser), expiresAt: new Date(Date.now() + FLOW_SECONDS * 1000) } });
  return {
    bind: (response) =>
      response.cookies.set(SSO_BROWSER_COOKIE, browser, {
        httpOnly: true,
        // The answer comes back by a top-level redirect, which "lax" lets the cookie ride on.
        sameSite: "lax",
        secure: new URL(getEnv().APP_URL).protocol === "https:",
        path: SSO_COOKIE_PATH,
        maxAge: FLOW_SECONDS,
      }),
  };
}

// SAML's answer arrives as the IdP page's cross-site POST, on which the browser sends no Lax cookie:
// the ACS keeps what it proved on the flow of the request it answers, with the hash of a one-time
// value it hands to the browser that posted (in the redirect to the collect URL). The collect, a
// top-level GET that carries the cookie, needs both (spendFlow): the browser that started the
// sign-in must be the one that brought the answer back. The cookie alone would let whoever started
// a sign-in collect the identity of anyone they got to open its IdP link (account takeover); the
// value alone, anyone who posted an answer (login CSRF). Null when this app started no such flow
// for the connection, or it is answered, spent or expired.
export async function holdIdentity(connectionId: string, requestId: string, identity: Prisma.InputJsonObject): Promise<string | null> {
  const collect = randomBytes(32).toString("base64url");
  const held = await getDb().ssoFlow.updateMany({
    where: { requestId, connectionId, collectHash: null, usedAt: null, expiresAt: { gt: new Date() } },
    data: { identity, collectHash: hash(collect) },
  });
  return held.count === 1 ? collect : null;
}

// What else the answer must match: OIDC's flows have a PKCE verifier; a SAML collect names the
// connection and brings the ACS's one-time value.
export type FlowAnswer = { codeVerifier: { not: null } } | { connectionId: string; collect: string };

// The flow this answer finishes, spent by this call: null when it is unknown, expired, already
// used, was started in another browser, or the answer does not match it (then it stays unspent).
// One UPDATE decides, so two racing answers cannot both pass.
export async function spendFlow(request: NextRequest, requestId: string | undefined, answer: FlowAnswer): Promise<SsoFlow | null> {
  const browser = browserValue(request);
  if (!requestId || !browser) return null;
  const db = getDb();
  const matches = "collect" in answer ? { connectionId: answer.connectionId, collectHash: hash(answer.collect) } : answer;
  const spent = await db.ssoFlow.updateMany({
    where: { requestId, browserHash: hash(browser), usedAt: null, expiresAt: { gt: new Date() }, ...matches },
    data: { usedAt: new Date() },
  });
  return spent.count === 1 ? db.ssoFlow.findUnique({ where: { requestId } }) : null;
}
