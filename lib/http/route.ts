import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { COOKIE } from "@/lib/auth/cookies";
import type { PersonalTokenScope } from "@/lib/validations/personal-token-rules";
import { requireBearerSecret } from "@/lib/auth/bearer";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireAdmin, requireCaller, requireSession } from "@/lib/auth/guard";
import { loadPendingSignup } from "@/lib/auth/onboarding";
import { assertRecentProof } from "@/lib/auth/step-up";
import type { Role } from "@/lib/auth/tokens";
import { getEnv, type Env } from "@/lib/env";
import { ApiError, NO_STORE } from "@/lib/errors";
import type { PendingSignup } from "@/lib/generated/prisma/client";
import { withErrors } from "@/lib/http/handler";
import { parseFormBody, parseJsonBody, parseQuery } from "@/lib/http/request";
import { requestMeta, type RequestMeta } from "@/lib/http/request-meta";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";

// Who may call a route: anyone (it authenticates by other means, if at all), the holder of an
// ONBOARDING cookie, a signed-in user, an administrator by the database's word, or a machine holding
// the bearer secret of its mode (the metrics scraper, the scheduler calling /api/cron/*).
export type RouteAuth = "none" | "onboarding" | "user" | "admin" | BearerAuth;

// Each machine caller has a secret of its own, so the scraper's token never starts a job.
const BEARER_SECRETS = { metrics: "METRICS_TOKEN", cron: "CRON_SECRET" } as const satisfies Record<string, keyof Env>;
type BearerAuth = keyof typeof BEARER_SECRETS;

export interface SignedInUser {
  id: string;
  // Empty for a personal access token, which has no session: only routes that opt in with `pat`
  // see one, and none of them reads the session.
  sessionId: string;
  role: Role;
}

export interface AdminUser extends SignedInUser {
  email: string;
}

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface RouteSpec<Auth extends RouteAuth, Body, Query, Params> {
  auth: Auth;
  body?: Body;
  // The body comes as a form the browser posts itself (mailed links' confirmation pages work
  // without scripts), not as JSON.
  bodyIsForm?: true;
  // A body larger than the default (lib/http/request.ts), for the routes that take a file, IdP
  // metadata or an IdP's signed answer.
  maxBodyBytes?: number;
  query?: Query;
  // The dynamic segments; a value the schema refuses makes the route not exist (404).
  params?: Params;
  // Per client address, before the body is read.
  ipLimit?: RateLimit;
  // Changes how someone signs in: the session must have proved itself within the last 10 minutes
  // with the account's strongest factor (lib/auth/step-up.ts). Signed-in routes only.
  recentProof?: true;
  // The same-origin check runs for every method but GET and HEAD when the caller came with a cookie
  // (an access token in the Authorization header is no ambient credential: no other site can make a
  // browser send it). A route that must take cookie requests other sites start says why here.
  crossSiteAllowedBecause?: string;
  // Opts a planner route in to personal access tokens, with the scope one needs: planner:read for
  // GET, planner:write for changes (tests/unit/routes.test.ts holds that). Every route without it
  // refuses them with 403, so a new route is closed to tokens until it says otherwise. Routes of
  // auth "user" only, under the prefixes the middleware lets tokens through to
  // (lib/auth/api-credentials.ts).
  pat?: Auth extends "user" ? PersonalTokenScope : never;
  // Takes the browser's session cookie only, not an access token in the Authorization header: what
  // mints a long-lived credential stays out of reach of a short-lived one handed to a script.
  cookieOnly?: Auth extends "user" | "admin" ? true : never;
}

export interface RouteContext<Auth extends RouteAuth, Body, Query, Params> {
  request: NextRequest;
  user: Auth extends "admin" ? AdminUser : Auth extends "user" ? SignedInUser : null;
  pending: Auth extends "onboarding" ? PendingSignup : null;
  body: Parsed<Body>;
  query: Parsed<Query>;
  params: Parsed<Params>;
  meta: RequestMeta;
}

// What Next hands a route handler beside the request; routes without segments get an empty object.
interface NextContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

interface Authenticated {
  user: SignedInUser | AdminUser | null;
  pending: PendingSignup | null;
  // Whether the request may be another site's doing: it rode on a cookie the browser adds by itself.
  ambient: boolean;
}

async function authenticate(request: NextRequest, spec: { auth: RouteAuth; pat?: PersonalTokenScope; cookieOnly?: true }): Promise<Authenticated> {
  switch (spec.auth) {
    case "none":
      return { user: null, pending: null, ambient: true };
    case "onboarding":
      return { user: null, pending: await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value), ambient: true };
    case "user": {
      const caller = await requireCaller(request, { pat: spec.pat, cookieOnly: spec.cookieOnly });
      if (caller.via === "personal-token") return { user: { id: caller.owner.userId, sessionId: "", role: caller.owner.role }, pending: null, ambient: false };
      // requireCaller only passes tokens of a live session, so the id is there.
      const { claims } = caller;
      return { user: { id: claims.sub, sessionId: claims.sid ?? "", role: claims.role ?? "USER" }, pending: null, ambient: caller.via === "cookie" };
    }
    case "admin": {
      const caller = await requireSession(request, { cookieOnly: spec.cookieOnly });
      return { user: await requireAdmin(caller.claims), pending: null, ambient: caller.via === "cookie" };
    }
    case "metrics":
    case "cron":
      requireBearerSecret(request, getEnv()[BEARER_SECRETS[spec.auth]], spec.auth);
      // Jobs run on GET only, the way schedulers call them: a HEAD (a monitor, a link checker that
      // was given the secret) is answered without doing the work.
      if (spec.auth === "cron" && request.method !== "GET") throw new ApiError("METHOD_NOT_ALLOWED", undefined, undefined, { Allow: "GET" });
      return { user: null, pending: null, ambient: true };
  }
}

// Every route handler is built here, so that none can forget a check: the declared caller, the
// same-origin check on every write, the per-address limit, and the parsing of segments, query and
// body happen in this order before the handler runs, and every error becomes its JSON answer.
export function route<Auth extends RouteAuth, Body extends z.ZodType | undefined = undefined, Query extends z.ZodType | undefined = undefined, Params extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<Auth, Body, Query, Params>,
  handler: (context: RouteContext<Auth, Body, Query, Params>) => Promise<Response> | Response,
): (request: NextRequest, context: NextContext) => Promise<Response> {
  return withErrors(async (request: NextRequest, context: NextContext) => {
    const { user, pending, ambient } = await authenticate(request, spec);
    if (ambient && request.method !== "GET" && request.method !== "HEAD" && spec.crossSiteAllowedBecause === undefined) assertSameOrigin(request, getEnv().ALLOWED_ORIGINS);
    const meta = requestMeta(request);
    if (spec.ipLimit && meta.ip) await consumeRateLimit(spec.ipLimit, meta.ip);
    if (spec.recentProof) {
      if (!user) throw new Error("recentProof needs a signed-in route");
      await assertRecentProof(user.sessionId);
    }
    let params: unknown;
    if (spec.params) {
      const parsed = spec.params.safeParse(await context.params);
      if (!parsed.success) throw new ApiError("NOT_FOUND");
      params = parsed.data;
    }
    const query = spec.query ? await parseQuery(request, spec.query) : undefined;
    const body = spec.body ? await (spec.bodyIsForm ? parseFormBody(request, spec.body, spec.maxBodyBytes) : parseJsonBody(request, spec.body, spec.maxBodyBytes)) : undefined;
    return handler({ request, user, pending, body, query, params, meta } as RouteContext<Auth, Body, Query, Params>);
  });
}

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

export function noContent(): NextResponse {
  return new NextResponse(null, { status: 204, headers: NO_STORE });
}
