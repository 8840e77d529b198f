// Local stand-ins for Google, Kakao and Naver sign-in, and for a company's OpenID provider (company
// sign-in, lib/auth/sso/): one loopback HTTP server that speaks each provider's OAuth 2.0 protocol
// (Google's and the company's as OpenID Connect, with discovery and ID tokens signed with this
// server's own key) and answers with each provider's real JSON shapes. Its authorization page lets the developer, or a test,
// choose the identity to sign in as, or cancel. It checks what the real providers check: client
// credentials, the registered redirect URI, single-use codes and the PKCE verifier.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { RunningService } from "./services";

export const LOCAL_PROVIDERS = ["google", "kakao", "naver"] as const;
// The company identity provider lives beside them, at /company, for the domain example.test.
const COMPANY = "company";
type ProviderId = (typeof LOCAL_PROVIDERS)[number] | typeof COMPANY;
const SERVED_PROVIDERS: readonly ProviderId[] = [...LOCAL_PROVIDERS, COMPANY];

// What the company provider's ID token can be made to get wrong, for the tests of what the app
// refuses: signed by a key not in the provider's JWKS, for another client, from another issuer,
// expired, without the nonce, or with another one.
export const TOKEN_DEFECTS = ["bad-signature", "wrong-audience", "wrong-issuer", "expired", "no-nonce", "wrong-nonce"] as const;
type TokenDefect = (typeof TOKEN_DEFECTS)[number];

interface Identity {
  id: string;
  name: string;
  email?: string;
  emailVerified: boolean;
}

interface Grant {
  provider: ProviderId;
  redirectUri: string;
  codeChallenge?: string;
  nonce?: string;
  identity: Identity;
  // Set when the developer asked the token endpoint to fail, to see how the app copes.
  unavailable: boolean;
  defect?: TokenDefect;
  expiresAt: number;
}

const PRESETS: Record<ProviderId, Identity[]> = {
  google: [
    { id: "google-minji", name: "김민지", email: "minji.kim@gmail.test", emailVerified: true },
    { id: "google-alex", name: "Alex Morgan", email: "alex.morgan@gmail.test", emailVerified: true },
  ],
  kakao: [
    { id: "4100000001", name: "이서준", email: "seojun@kakao.test", emailVerified: true },
    // A Kakao app without business verification gets no e-mail at all.
    { id: "4100000002", name: "박하은", emailVerified: false },
  ],
  naver: [{ id: "naver-jiwoo", name: "최지우", email: "jiwoo@naver.test", emailVerified: false }],
  company: [
    { id: "example-jiho", name: "박지호", email: "jiho.park@example.test", emailVerified: true },
    { id: "example-sam", name: "Sam Lee", email: "sam.lee@example.test", emailVerified: true },
  ],
};

// The failure switch: how a provider's server-to-server endpoints (discovery, keys, token, user
// info) misbehave until switched back: answering 503, never answering, or sending the status and
// headers and then stalling. The sign-in page itself stays up, as in a back-end outage.
export const PROVIDER_FAILURES = ["down", "silent", "stall"] as const;
export type ProviderFailure = (typeof PROVIDER_FAILURES)[number];

const TITLES: Record<ProviderId, string> = { google: "Google", kakao: "Kakao", naver: "Naver", company: "Example Corp (OpenID Connect)" };

// Paths under each provider's prefix, as the real services lay them out.
const PATHS: Record<ProviderId, { authorize: string; token: string; userinfo: string }> = {
  google: { authorize: "/authorize", token: "/token", userinfo: "/userinfo" },
  kakao: { authorize: "/oauth/authorize", token: "/oauth/token", userinfo: "/v2/user/me" },
  naver: { authorize: "/oauth2.0/authorize", token: "/oauth2.0/token", userinfo: "/v1/nid/me" },
  company: { authorize: "/authorize", token: "/token", userinfo: "/userinfo" },
};

function speaksOidc(provider: ProviderId): provider is "google" | typeof COMPANY {
  return provider === "google" || provider === COMPANY;
}

export interface LocalProviderCredentials {
  clientId: string;
  clientSecret: string;
}

export function localCredentials(provider: ProviderId): LocalProviderCredentials {
  return { clientId: `tropical-local-${provider}`, clientSecret: `local-secret-${provider}` };
}

// The variables that point the app at this server (see lib/auth/oauth-providers.ts).
export function localProviderEnv(baseUrl: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const provider of LOCAL_PROVIDERS) {
    const { clientId, clientSecret } = localCredentials(provider);
    const upper = provider.toUpperCase();
    env[`${upper}_CLIENT_ID`] = clientId;
    env[`${upper}_CLIENT_SECRET`] = clientSecret;
  }
  env.GOOGLE_ISSUER = `${baseUrl}/google`;
  env.KAKAO_AUTH_URL = `${baseUrl}/kakao`;
  env.KAKAO_API_URL = `${baseUrl}/kakao`;
  env.NAVER_AUTH_URL = `${baseUrl}/naver`;
  env.NAVER_API_URL = `${baseUrl}/naver`;
  return env;
}

// The company provider as an administrator registers it in /admin/sso (the development scripts
// and the test stack seed one connection with it, scripts/sso-seed.ts).
export function localCompanyIdp(baseUrl: string): { issuer: string; clientId: string; clientSecret: string; domain: string } {
  return { issuer: `${baseUrl}/${COMPANY}`, ...localCredentials(COMPANY), domain: "example.test" };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sha256Base64Url(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = typeof body !== "string";
  response.writeHead(status, { "Content-Type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(json ? JSON.stringify(body) : body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  response.end();
}

function authorizePage(provider: ProviderId, params: URLSearchParams, action: string, failureAction: string, failure: ProviderFailure | undefined): string {
  const hidden = [...params].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("");
  const presets = PRESETS[provider]
    .map(
      (identity) =>
        `<form method="post" action="${action}">${hidden}<input type="hidden" name="id" value="${escapeHtml(identity.id)}"><input type="hidden" name="name" value="${escapeHtml(identity.name)}"><input type="hidden" name="email" value="${escapeHtml(identity.email ?? "")}">${identity.emailVerified ? '<input type="hidden" name="email_verified" value="on">' : ""}<button name="decision" value="allow">${escapeHtml(identity.name)} · ${escapeHtml(identity.email ?? "no e-mail")}${identity.email && !identity.emailVerified ? " (unverified)" : ""}</button></form>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${TITLES[provider]} (local test provider)</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0f172a}button{display:block;width:100%;margin:.4rem 0;padding:.6rem;font:inherit;cursor:pointer}label{display:block;margin:.5rem 0}input[type=text],input[type=email]{width:100%;padding:.4rem;font:inherit;box-sizing:border-box}fieldset{margin:1rem 0}</style></head>
<body><h1>${TITLES[provider]} — local test sign-in</h1><p>This page stands in for ${TITLES[provider]} in development and tests. Choose who to sign in as.</p>
${presets}
<form method="post" action="${action}"><fieldset><legend>Another identity</legend>${hidden}
<label>Account id <input type="text" name="id" required></label>
<label>Name <input type="text" name="name" required></label>
<label>E-mail (leave empty for none) <input type="email" name="email"></label>
<label><input type="checkbox" name="email_verified"> The provider has verified this e-mail</label>
<label><input type="checkbox" name="unavailable"> Fail the token exchange (provider unavailable)</label>
${provider === COMPANY ? `<label>ID token defect <select name="defect"><option value="">none</option>${TOKEN_DEFECTS.map((defect) => `<option>${defect}</option>`).join("")}</select></label>` : ""}
<button name="decision" value="allow">Continue</button></fieldset></form>
<form method="post" action="${action}">${hidden}<button name="decision" value="deny">Cancel</button></form>
<form method="post" action="${failureAction}"><fieldset><legend>Failure switch (this provider's server-to-server endpoints)</legend>
${["none", ...PROVIDER_FAILURES].map((mode) => `<label><input type="radio" name="mode" value="${mode}"${mode === (failure ?? "none") ? " checked" : ""}> ${mode}</label>`).join("")}
<button>Switch</button></fieldset></form></body></html>`;
}

function userInfo(provider: ProviderId, identity: Identity, baseUrl: string): unknown {
  if (speaksOidc(provider)) {
    return { sub: identity.id, name: identity.name, email: identity.email, email_verified: identity.email ? identity.emailVerified : undefined, picture: `${baseUrl}/google/avatar.png` };
  }
  if (provider === "kakao") {
    const account: Record<string, unknown> = {
      profile_nickname_needs_agreement: false,
      profile: { nickname: identity.name, is_default_image: true },
      has_email: identity.email !== undefined,
    };
    if (identity.email) Object.assign(account, { email_needs_agreement: false, is_email_valid: true, is_email_verified: identity.emailVerified, email: identity.email });
    return { id: Number(identity.id) || identity.id, connected_at: new Date().toISOString(), properties: { nickname: identity.name }, kakao_account: account };
  }
  return { resultcode: "00", message: "success", response: { id: identity.id, nickname: identity.name, name: identity.name, ...(identity.email ? { email: identity.email } : {}) } };
}

function tokenError(response: ServerResponse, provider: ProviderId, status: number, error: string, description: string): void {
  // Kakao adds its own error codes; Naver answers errors with 200 as its API does.
  if (provider === "kakao") send(response, status, { error, error_description: description, error_code: "KOE320" });
  else if (provider === "naver") send(response, 200, { error, error_description: description });
  else send(response, status, { error, error_description: description });
}

function clientFrom(request: IncomingMessage, form: URLSearchParams, provider: ProviderId): { id: string; secret: string } | null {
  const basic = request.headers.authorization?.match(/^Basic (.+)$/i);
  // Google accepts either form; Kakao and Naver take the credentials in the body only.
  if (basic && provider === "google") {
    const [id, secret] = Buffer.from(basic[1] ?? "", "base64")
      .toString("utf8")
      .split(":")
      .map((part) => decodeURIComponent(part));
    return id && secret ? { id, secret } : null;
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

function misbehave(response: ServerResponse, failure: ProviderFailure): void {
  if (failure === "down") return send(response, 503, { error: "temporarily_unavailable" });
  if (failure === "stall") {
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    response.write("{");
  }
  // Held until the client gives up or the server stops (which closes every connection).
}

export interface LocalProviders extends RunningService {
  env: Record<string, string>;
  // The failure switch, for tests in the process that started the server; null switches it off.
  fail(provider: ProviderId, failure: ProviderFailure | null): void;
}

export async function startOAuthProviders(appUrl: string, fixedPort = 0): Promise<LocalProviders> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "local-1", alg: "RS256", use: "sig" };
  // Claims to be the same key (its kid) but is not: what a forged ID token would be signed with.
  const { privateKey: rogueKey } = await generateKeyPair("RS256");
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, { provider: ProviderId; identity: Identity }>();
  const failing = new Map<ProviderId, ProviderFailure>();
  let baseUrl = "";

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", baseUrl);
    const [, first, ...rest] = url.pathname.split("/");
    const provider = SERVED_PROVIDERS.find((candidate) => candidate === first);
    if (!provider) return send(response, 404, { error: "not_found" });
    const path = `/${rest.join("/")}`;
    const credentials = localCredentials(provider);
    const redirectUri = provider === COMPANY ? `${appUrl}/api/auth/sso/oidc/callback` : `${appUrl}/api/auth/oauth/callback/${provider}`;

    if (path === "/failure" && request.method === "POST") {
      const mode = (await readForm(request)).get("mode");
      const failure = PROVIDER_FAILURES.find((candidate) => candidate === mode);
      if (failure) failing.set(provider, failure);
      else failing.delete(provider);
      return redirect(response, request.headers.referer ?? `${baseUrl}/${provider}${PATHS[provider].authorize}`);
    }
    const failure = failing.get(provider);
    const backChannel = [PATHS[provider].token, PATHS[provider].userinfo, "/.well-known/openid-configuration", "/jwks"].includes(path);
    if (failure && backChannel) return misbehave(response, failure);

    if (speaksOidc(provider) && path === "/.well-known/openid-configuration") {
      const issuer = `${baseUrl}/${provider}`;
      return send(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "email", "profile"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (speaksOidc(provider) && path === "/jwks") return send(response, 200, { keys: [jwk] });

    if (path === PATHS[provider].authorize) {
      const params = request.method === "POST" ? await readForm(request) : url.searchParams;
      const clientId = params.get("client_id");
      const givenRedirect = params.get("redirect_uri");
      // A wrong client or redirect URI is never bounced back to that URI: the real providers show an error page.
      if (clientId !== credentials.clientId) return send(response, 400, `<!doctype html><title>Error</title><p>Unknown client_id.</p>`);
      if (givenRedirect !== redirectUri) return send(response, 400, `<!doctype html><title>Error</title><p>redirect_uri is not registered for this client.</p>`);
      if (params.get("response_type") !== "code") return send(response, 400, `<!doctype html><title>Error</title><p>Only response_type=code is supported.</p>`);
      const challengeMethod = params.get("code_challenge_method");
      if (params.get("code_challenge") && challengeMethod !== "S256") return send(response, 400, `<!doctype html><title>Error</title><p>Only S256 PKCE is supported.</p>`);
      const state = params.get("state");
      const back = new URL(redirectUri);
      if (state) back.searchParams.set("state", state);
      if (request.method !== "POST") {
        return send(response, 200, authorizePage(provider, url.searchParams, `${baseUrl}/${provider}${PATHS[provider].authorize}`, `${baseUrl}/${provider}/failure`, failure));
      }
      if (params.get("decision") !== "allow") {
        back.searchParams.set("error", "access_denied");
        back.searchParams.set("error_description", provider === "naver" ? "Canceled By User" : "User denied access");
        return redirect(response, back.toString());
      }
      const id = params.get("id")?.trim();
      const name = params.get("name")?.trim();
      if (!id || !name) return send(response, 400, `<!doctype html><title>Error</title><p>Account id and name are required.</p>`);
      const email = params.get("email")?.trim() || undefined;
      const code = randomBytes(24).toString("base64url");
      grants.set(code, {
        provider,
        redirectUri,
        codeChallenge: params.get("code_challenge") ?? undefined,
        nonce: params.get("nonce") ?? undefined,
        identity: { id, name, email, emailVerified: email !== undefined && params.get("email_verified") === "on" },
        unavailable: params.get("unavailable") === "on",
        defect: TOKEN_DEFECTS.find((defect) => defect === params.get("defect")),
        expiresAt: Date.now() + 60_000,
      });
      back.searchParams.set("code", code);
      return redirect(response, back.toString());
    }

    if (path === PATHS[provider].token && request.method === "POST") {
      const form = await readForm(request);
      const client = clientFrom(request, form, provider);
      if (!client || client.id !== credentials.clientId || !safeEqual(client.secret, credentials.clientSecret)) {
        return tokenError(response, provider, 401, "invalid_client", "client authentication failed");
      }
      if (form.get("grant_type") !== "authorization_code") return tokenError(response, provider, 400, "unsupported_grant_type", "authorization_code only");
      const code = form.get("code") ?? "";
      const grant = grants.get(code);
      // Spent on first use, whatever the outcome: a replayed code never works.
      grants.delete(code);
      if (!grant || grant.provider !== provider || grant.expiresAt < Date.now()) return tokenError(response, provider, 400, "invalid_grant", "authorization code not found or expired");
      if (form.get("redirect_uri") !== grant.redirectUri) return tokenError(response, provider, 400, "invalid_grant", "redirect_uri mismatch");
      if (grant.codeChallenge && sha256Base64Url(form.get("code_verifier") ?? "") !== grant.codeChallenge) {
        return tokenError(response, provider, 400, "invalid_grant", "code_verifier does not match the code_challenge");
      }
      if (grant.unavailable) return send(response, 503, { error: "temporarily_unavailable" });
      const accessToken = randomBytes(24).toString("base64url");
      accessTokens.set(accessToken, { provider, identity: grant.identity });
      if (speaksOidc(provider)) {
        const { defect } = grant;
        const nonce = defect === "no-nonce" ? undefined : defect === "wrong-nonce" ? "not-the-nonce-asked-for" : grant.nonce;
        const now = Math.floor(Date.now() / 1000);
        const idToken = await new SignJWT({
          email: grant.identity.email,
          email_verified: grant.identity.email ? grant.identity.emailVerified : undefined,
          name: grant.identity.name,
          ...(nonce ? { nonce } : {}),
        })
          .setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" })
          .setIssuer(defect === "wrong-issuer" ? `${baseUrl}/elsewhere` : `${baseUrl}/${provider}`)
          .setAudience(defect === "wrong-audience" ? "another-client" : credentials.clientId)
          .setSubject(grant.identity.id)
          .setIssuedAt(defect === "expired" ? now - 7200 : now)
          .setExpirationTime(defect === "expired" ? now - 3600 : now + 3600)
          .sign(defect === "bad-signature" ? rogueKey : privateKey);
        return send(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3599, scope: "openid email profile", id_token: idToken });
      }
      if (provider === "kakao") {
        return send(response, 200, { token_type: "bearer", access_token: accessToken, expires_in: 21599, refresh_token: randomBytes(24).toString("base64url"), refresh_token_expires_in: 5183999 });
      }
      return send(response, 200, { access_token: accessToken, refresh_token: randomBytes(24).toString("base64url"), token_type: "bearer", expires_in: "3600" });
    }

    if (path === PATHS[provider].userinfo) {
      const bearer = request.headers.authorization?.match(/^Bearer (.+)$/i)?.[1];
      const holder = bearer ? accessTokens.get(bearer) : undefined;
      if (!holder || holder.provider !== provider) {
        return provider === "naver" ? send(response, 401, { resultcode: "024", message: "Authentication failed" }) : send(response, 401, { error: "invalid_token" });
      }
      return send(response, 200, userInfo(provider, holder.identity, baseUrl));
    }
    return send(response, 404, { error: "not_found" });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: "server_error", error_description: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(fixedPort, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the local OAuth server has no port");
  baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    url: baseUrl,
    env: localProviderEnv(baseUrl),
    fail: (provider, failure) => (failure ? failing.set(provider, failure) : failing.delete(provider)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
