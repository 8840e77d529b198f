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
// the ACS keeps what it proved on the flow of the request it answers, and the browser's next, top-level
// GET (which does carry the cookie) collects it through spendFlow. False when this app started no
// such flow for the connection, or it is spent or expired.
export async function holdIdentity(connectionId: string, requestId: string, identity: Prisma.InputJsonObject): Promise<boolean> {
  const held = await getDb().ssoFlow.updateMany({
    where: { requestId, connectionId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { identity },
  });
  return held.count === 1;
}

// The flow this answer finishes, spent by this call: null when it is unknown, expired, already
// used, or was started in another browser. One UPDATE decides, so two racing answers cannot both
// pass.
export async function spendFlow(request: NextRequest, requestId: string | undefined): Promise<SsoFlow | null> {
  const browser = browserValue(request);
  if (!requestId || !browser) return null;
  const db = getDb();
  const spent = await db.ssoFlow.updateMany({
    where: { requestId, browserHash: hash(browser), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return spent.count === 1 ? db.ssoFlow.findUnique({ where: { requestId } }) : null;
}
