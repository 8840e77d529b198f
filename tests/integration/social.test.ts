import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { SOCIAL_PROVIDERS } from "@/lib/auth/social-providers";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { waitForMail } from "../helpers/mail";
import { decideAtProvider, mailedCode, randomIdentity, signInWithProvider, startAtProvider } from "../helpers/oauth";
import { forgeToken, validClaims } from "../helpers/tokens";
import { PASSWORD, randomEmail, signedInUser, signUpVerified } from "../helpers/users";

after(closeTestDb);

const CONSENTS = { terms: true, privacy: true, marketing: false };

async function onboardingView(client: Client): Promise<{ emailVerified: boolean; email: string | null; existingAccount: { hasPassword: boolean; provenByCode: boolean } | null }> {
  const response = await client.request("/api/auth/onboarding");
  assert.equal(response.status, 200);
  return ((await response.json()) as { onboarding: never }).onboarding;
}

async function newSocialUser(provider: (typeof SOCIAL_PROVIDERS)[number] = "google") {
  const client = new Client();
  const identity = randomIdentity(provider);
  const callback = await signInWithProvider(client, provider, identity);
  assert.equal(client.location(callback), `${client.base}/onboarding`);
  return { client, identity };
}

describe("social sign-in against the local providers", () => {
  for (const provider of SOCIAL_PROVIDERS) {
    test(`${provider}: a new identity gets only an ONBOARDING cookie; onboarding creates the account, records consents and signs in; the next sign-in skips onboarding`, async () => {
      const client = new Client();
      const identity = randomIdentity(provider);
      const callback = await signInWithProvider(client, provider, identity);
      assert.equal(callback.status, 303);
      assert.equal(client.location(callback), `${client.base}/onboarding`);
      assert.ok(client.cookies.has("ONBOARDING_TOKEN"));
      assert.ok(!client.cookies.has("ACCESS_TOKEN") && !client.cookies.has("REFRESH_TOKEN"));
      // next-auth's own session cookie never exists: TropiCal's cookies are the only session.
      assert.ok(![...client.cookies.keys()].some((name) => name.includes("session")), [...client.cookies.keys()].join(","));
      // The flow's state and PKCE cookies are gone after the callback.
      assert.ok(![...client.cookies.keys()].some((name) => name.startsWith("tropical.oauth.")), [...client.cookies.keys()].join(","));

      // Naver does not say whether its e-mail is verified, so it is proved by code like a typed one.
      if (provider === "naver") {
        assert.equal((await onboardingView(client)).emailVerified, false);
        assert.equal((await client.post("/api/auth/onboarding", { nickname: "Jiwoo", consents: CONSENTS })).status, 400);
        assert.equal((await client.post("/api/auth/onboarding/email", { email: identity.email })).status, 202);
        const [mail] = await waitForMail(identity.email ?? "");
        assert.ok(mail);
        assert.equal((await client.post("/api/auth/onboarding/email/verify", { code: mailedCode(mail) })).status, 200);
      }
      const view = await onboardingView(client);
      assert.equal(view.emailVerified, true);
      assert.equal(view.existingAccount, null);

      const missingConsent = await client.post("/api/auth/onboarding", { nickname: "New user", consents: { terms: true, privacy: false } });
      assert.equal(missingConsent.status, 400);
      const done = await client.post("/api/auth/onboarding", { nickname: "New user", consents: { ...CONSENTS, marketing: true } });
      assert.equal(done.status, 200);
      assert.ok(client.cookies.has("ACCESS_TOKEN") && client.cookies.has("REFRESH_TOKEN"));
      assert.ok(!client.cookies.has("ONBOARDING_TOKEN"), "the onboarding cookie is cleared");

      const me = (await (await client.request("/api/auth/me")).json()) as { email: string; providers: string[]; emailVerified: boolean };
      assert.equal(me.email, identity.email);
      assert.deepEqual(me.providers, [provider]);
      assert.equal(me.emailVerified, true);
      const { rows: consents } = await testDb().query(`SELECT c.kind, c.granted, c.version FROM "Consent" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1 ORDER BY c.kind`, [identity.email]);
      assert.deepEqual(
        consents.map((row) => [row.kind, row.granted]),
        [
          ["TERMS", true],
          ["PRIVACY", true],
          ["MARKETING", true],
        ],
      );
      assert.ok(consents.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.version)));

      // Returning: straight to the dashboard, no onboarding.
      const again = new Client();
      const returning = await signInWithProvider(again, provider, identity, { next: "/dashboard/todo" });
      assert.equal(again.location(returning), `${again.base}/dashboard/todo`);
      assert.ok(again.cookies.has("ACCESS_TOKEN") && !again.cookies.has("ONBOARDING_TOKEN"));
    });
  }

  test("kakao without an e-mail: onboarding asks for one and trusts it only after the mailed code", async () => {
    const client = new Client();
    const identity = randomIdentity("kakao", { email: undefined, emailVerified: false });
    assert.equal(client.location(await signInWithProvider(client, "kakao", identity)), `${client.base}/onboarding`);
    assert.deepEqual(await onboardingView(client).then((view) => [view.email, view.emailVerified]), [null, false]);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "하은", consents: CONSENTS })).status, 400);

    const email = randomEmail("kakao");
    assert.equal((await client.post("/api/auth/onboarding/email", { email: "not-an-address" })).status, 400);
    assert.equal((await client.post("/api/auth/onboarding/email", { email })).status, 202);
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    const code = mailedCode(mail);
    const wrong = code === "000000" ? "111111" : "000000";
    const refused = await client.post("/api/auth/onboarding/email/verify", { code: wrong });
    assert.equal(refused.status, 400);
    assert.equal((await client.post("/api/auth/onboarding/email/verify", { code })).status, 200);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "하은", consents: CONSENTS })).status, 200);
    const { rows } = await testDb().query(`SELECT "emailVerifiedAt" FROM "User" WHERE email = $1`, [email]);
    assert.ok(rows[0]?.emailVerifiedAt);
  });

  test("a code allows five guesses, then even the right one is refused", async () => {
    const { client } = await newSocialUser("naver");
    const email = randomEmail("guess");
    await client.post("/api/auth/onboarding/email", { email });
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    const code = mailedCode(mail);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await client.post("/api/auth/onboarding/email/verify", { code: wrong })).status, 400);
    assert.equal((await client.post("/api/auth/onboarding/email/verify", { code })).status, 400);
  });

  test("new codes do not buy guesses without end, and no inbox gets more than six an hour", async () => {
    // Each new code brings five fresh guesses, so a pending sign-up gets five codes in 30 minutes.
    const { client: guesser } = await newSocialUser("naver");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await guesser.post("/api/auth/onboarding/email", { email: randomEmail("codes") })).status);
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    // Several sign-ups aimed at one victim's address: six mails in all, then 429.
    const victim = randomEmail("inbox");
    const bombers = await Promise.all([newSocialUser("naver"), newSocialUser("naver")]);
    const sent: number[] = [];
    for (const { client } of bombers) {
      for (let attempt = 0; attempt < 4; attempt++) sent.push((await client.post("/api/auth/onboarding/email", { email: victim })).status);
    }
    assert.deepEqual(sent, [202, 202, 202, 202, 202, 202, 429, 429]);
  });

  test("a matching e-mail never links by itself: linking to a password account needs its password (or a mailed code)", async () => {
    const { email } = await signUpVerified();
    const client = new Client();
    const identity = randomIdentity("google", { email });
    assert.equal(client.location(await signInWithProvider(client, "google", identity)), `${client.base}/onboarding`);
    const view = await onboardingView(client);
    assert.deepEqual(view.existingAccount, { hasPassword: true, provenByCode: false });
    // Neither completing as a new account nor linking without proof works.
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "Taken", consents: CONSENTS })).status, 409);
    assert.equal((await client.post("/api/auth/onboarding/link", {})).status, 400);
    assert.equal((await client.post("/api/auth/onboarding/link", { password: "not the password" })).status, 401);
    const { rows: none } = await testDb().query(`SELECT 1 FROM "Account" WHERE "providerAccountId" = $1`, [identity.id]);
    assert.equal(none.length, 0);

    const linked = await client.post("/api/auth/onboarding/link", { password: PASSWORD });
    assert.equal(linked.status, 200);
    const me = (await (await client.request("/api/auth/me")).json()) as { email: string; providers: string[] };
    assert.equal(me.email, email);
    assert.deepEqual(me.providers.sort(), ["google", "password"]);
    // From now on the identity signs in to that account directly.
    const next = new Client();
    assert.equal(next.location(await signInWithProvider(next, "google", identity)), `${next.base}/dashboard`);
  });

  test("linking by password shares the sign-in lockout: its guesses count, and a waiting address is refused even the right password", async () => {
    const { email } = await signUpVerified();
    const client = new Client();
    const identity = randomIdentity("google", { email });
    await signInWithProvider(client, "google", identity);
    const guesses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) guesses.push((await client.post("/api/auth/onboarding/link", { password: `guess ${attempt}` })).status);
    // The fifth failure earns the first wait.
    assert.deepEqual(guesses, [401, 401, 401, 401, 401]);
    const refused = await client.post("/api/auth/onboarding/link", { password: PASSWORD });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 429);
    const { rows } = await testDb().query<{ type: string; reason: string }>(
      `SELECT "type", "reason" FROM "SecurityEvent" WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = $1) ORDER BY "createdAt"`,
      [email],
    );
    assert.deepEqual(
      rows.map((row) => row.type),
      [...Array(5).fill("LOGIN_FAILURE"), "LOGIN_LOCKED", "LOGIN_LOCKED"],
    );
    assert.match(rows[4]?.reason ?? "", /linking GOOGLE \(5 in a row\)/);
    const { rows: none } = await testDb().query(`SELECT 1 FROM "Account" WHERE "providerAccountId" = $1`, [identity.id]);
    assert.equal(none.length, 0);
  });

  test("linking with a code mailed to the existing account's address", async () => {
    const { email } = await signUpVerified();
    const client = new Client();
    const identity = randomIdentity("kakao", { email });
    await signInWithProvider(client, "kakao", identity);
    assert.equal((await client.post("/api/auth/onboarding/email", { email })).status, 202);
    const mails = await waitForMail(email, 2);
    const mail = mails.find((candidate) => candidate.subject.includes("인증 코드"));
    assert.ok(mail);
    assert.equal((await client.post("/api/auth/onboarding/email/verify", { code: mailedCode(mail) })).status, 200);
    assert.deepEqual((await onboardingView(client)).existingAccount, { hasPassword: true, provenByCode: true });
    assert.equal((await client.post("/api/auth/onboarding/link", {})).status, 200);
    assert.ok(client.cookies.has("ACCESS_TOKEN"));
  });

  test("a signed-in user connects a provider from settings, sees it listed, and cannot unlink the last way in", async () => {
    const { client } = await signedInUser();
    const identity = randomIdentity("naver");
    const callback = await signInWithProvider(client, "naver", identity, {}, "link");
    assert.equal(client.location(callback), `${client.base}/dashboard/settings?linked=naver`);
    const list = (await (await client.request("/api/auth/providers")).json()) as { linked: { provider: string }[]; available: string[] };
    assert.deepEqual(
      list.linked.map((entry) => entry.provider),
      ["naver"],
    );
    assert.deepEqual(list.available, ["google", "kakao", "naver"]);

    // Another account cannot take an identity that is already linked.
    const other = await signedInUser();
    const taken = await signInWithProvider(other.client, "naver", identity, {}, "link");
    assert.equal(other.client.location(taken), `${other.client.base}/dashboard/settings?oauth_error=already-linked&provider=naver`);

    assert.equal((await client.request("/api/auth/providers/naver", { method: "DELETE" })).status, 204);
    assert.equal((await client.request("/api/auth/providers/naver", { method: "DELETE" })).status, 404);

    // A social-only account keeps its one provider.
    const { client: social } = await newSocialUser("google");
    assert.equal((await social.post("/api/auth/onboarding", { nickname: "Only", consents: CONSENTS })).status, 200);
    const last = await social.request("/api/auth/providers/google", { method: "DELETE" });
    assert.equal(last.status, 409);
    assert.equal(((await last.json()) as { error: { code: string } }).error.code, "LAST_SIGN_IN_METHOD");
  });

  // Found by an outside attack run: the callback checked only the link cookie's signature.
  test("a link started by a session that has since been signed out everywhere links nothing", async () => {
    const { client } = await signedInUser();
    const thief = client.stolen();
    const authorize = await startAtProvider(thief, "naver", {}, "link");
    assert.equal((await client.post("/api/auth/sessions/revoke", { scope: "all" })).status, 200);
    const identity = randomIdentity("naver");
    const callback = await decideAtProvider(authorize, identity);
    const answer = await thief.request(`${callback.pathname}${callback.search}`);
    assert.equal(thief.location(answer), `${thief.base}/dashboard/settings?oauth_error=failed&provider=naver`);
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "Account" WHERE "providerAccountId" = $1`, [identity.id]);
    assert.equal(rows[0].n, 0, "the thief's identity was not linked");
    assert.ok(!thief.cookies.has("ONBOARDING_TOKEN"), "nor did it start a sign-up instead");
  });

  test("an account with two-step verification still asks for the code after a provider sign-in", async () => {
    const { client: social, identity } = await newSocialUser("google");
    assert.equal((await social.post("/api/auth/onboarding", { nickname: "Careful", consents: CONSENTS })).status, 200);
    const { rows } = await testDb().query(`SELECT id FROM "User" WHERE email = $1`, [identity.email]);
    await testDb().query(`UPDATE "User" SET "totpSecret" = 'x', "totpEnabledAt" = now() WHERE id = $1`, [rows[0]?.id]);
    const next = new Client();
    const callback = await signInWithProvider(next, "google", identity);
    assert.match(next.location(callback), /\/login\?step=2fa/);
    assert.ok(next.cookies.has("MFA_TOKEN") && !next.cookies.has("ACCESS_TOKEN"));
  });
});

describe("social sign-in refuses what it should", () => {
  test("cancelling at the provider lands on the login page with a reason, and no cookie is issued", async () => {
    const client = new Client();
    const callback = await signInWithProvider(client, "kakao", "cancel");
    assert.equal(client.location(callback), `${client.base}/login?oauth_error=cancelled&provider=kakao`);
    assert.ok(!client.cookies.has("ONBOARDING_TOKEN") && !client.cookies.has("ACCESS_TOKEN"));
  });

  test("a provider failing its token endpoint lands on the login page as 'unavailable'", async () => {
    const client = new Client();
    const callback = await signInWithProvider(client, "google", randomIdentity("google", { unavailable: true }));
    assert.equal(client.location(callback), `${client.base}/login?oauth_error=unavailable&provider=google`);
  });

  test("a callback without the browser's state cookie (login CSRF) is refused", async () => {
    const victim = new Client();
    const attacker = new Client();
    // The attacker finishes their own flow at the provider and hands the callback URL to the victim.
    const callback = await decideAtProvider(await startAtProvider(attacker, "google"), randomIdentity("google"));
    const response = await victim.request(`${callback.pathname}${callback.search}`);
    assert.equal(victim.location(response), `${victim.base}/login?oauth_error=failed&provider=google`);
    assert.ok(!victim.cookies.has("ONBOARDING_TOKEN") && !victim.cookies.has("ACCESS_TOKEN"));
  });

  test("a tampered state or PKCE verifier is refused", async () => {
    const client = new Client();
    const callback = await decideAtProvider(await startAtProvider(client, "kakao"), randomIdentity("kakao"));
    callback.searchParams.set("state", "forged-state");
    const forgedState = await client.request(`${callback.pathname}${callback.search}`);
    assert.equal(client.location(forgedState), `${client.base}/login?oauth_error=failed&provider=kakao`);

    const second = new Client();
    const secondCallback = await decideAtProvider(await startAtProvider(second, "google"), randomIdentity("google"));
    const pkce = second.cookies.get("tropical.oauth.pkce");
    assert.ok(pkce, "google runs PKCE");
    // Another flow's verifier: the provider sees a verifier that does not match the code's challenge.
    const third = new Client();
    await startAtProvider(third, "google");
    const otherPkce = third.cookies.get("tropical.oauth.pkce");
    assert.ok(otherPkce);
    second.cookies.set("tropical.oauth.pkce", otherPkce);
    const forgedPkce = await second.request(`${secondCallback.pathname}${secondCallback.search}`);
    assert.equal(second.location(forgedPkce), `${second.base}/login?oauth_error=failed&provider=google`);
  });

  test("a replayed callback is refused", async () => {
    const client = new Client();
    const callback = await decideAtProvider(await startAtProvider(client, "naver"), randomIdentity("naver"));
    const path = `${callback.pathname}${callback.search}`;
    const first = await client.request(path);
    assert.equal(client.location(first), `${client.base}/onboarding`);
    const replay = await client.request(path);
    assert.equal(client.location(replay), `${client.base}/login?oauth_error=failed&provider=naver`);
  });

  test("starting a sign-in needs next-auth's CSRF token and a same-site request; unknown providers do not exist", async () => {
    const client = new Client();
    await client.request("/api/auth/oauth/csrf");
    const forged = await client.post("/api/auth/oauth/signin/google", { csrfToken: "forged" });
    assert.equal(forged.status, 200);
    assert.match(((await forged.json()) as { url: string }).url, /^\/login\?oauth_error=failed/);
    const { csrfToken } = (await (await client.request("/api/auth/oauth/csrf")).json()) as { csrfToken: string };
    const crossSite = await client.post("/api/auth/oauth/signin/google", { csrfToken }, { headers: { origin: "https://evil.example" } });
    assert.equal(crossSite.status, 403);
    assert.equal((await client.post("/api/auth/oauth/signin/github", { csrfToken })).status, 404);
    assert.equal((await client.request("/api/auth/oauth/callback/github?code=x&state=y")).status, 404);
    // next-auth's other endpoints (its pages, session, sign-out) are not exposed.
    for (const path of ["/api/auth/oauth/signin", "/api/auth/oauth/session", "/api/auth/oauth/providers", "/api/auth/oauth/signout", "/api/auth/oauth/error"]) {
      assert.equal((await client.request(path)).status, 401, path);
    }
  });

  test("next and callbackUrl payloads that leave the site end up on the dashboard", async () => {
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const client = new Client();
      const identity = randomIdentity("google");
      await signInWithProvider(client, "google", identity);
      await client.post("/api/auth/onboarding", { nickname: "Redirect", consents: CONSENTS });
      const again = new Client();
      const response = await signInWithProvider(again, "google", identity, { next });
      assert.equal(again.location(response), `${again.base}/dashboard`, next);
    }
    // next-auth's own callbackUrl field is not accepted at all.
    const client = new Client();
    const { csrfToken } = (await (await client.request("/api/auth/oauth/csrf")).json()) as { csrfToken: string };
    assert.equal((await client.post("/api/auth/oauth/signin/google", { csrfToken, callbackUrl: "https://evil.example" })).status, 400);
  });

  test("the ONBOARDING token opens the onboarding API only; every other API refuses it", async () => {
    const { client } = await newSocialUser("google");
    const onboarding = client.cookies.get("ONBOARDING_TOKEN");
    assert.ok(onboarding);
    const holder = new Client();
    holder.setCookie("ONBOARDING_TOKEN", onboarding.value);
    holder.setCookie("ACCESS_TOKEN", onboarding.value);
    holder.setCookie("REFRESH_TOKEN", onboarding.value, "/api/auth");
    holder.setCookie("MFA_TOKEN", onboarding.value, "/api/auth/2fa");
    assert.equal((await holder.request("/api/auth/onboarding")).status, 200);
    for (const path of ["/api/auth/me", "/api/todos", "/api/events?from=2026-11-01&to=2026-11-30", "/api/bucket-items", "/api/auth/sessions", "/api/auth/providers"]) {
      assert.equal((await holder.request(path)).status, 401, path);
    }
    assert.equal((await holder.post("/api/auth/token/refresh")).status, 401);
    assert.equal((await holder.post("/api/auth/2fa/verify", { code: "123456" })).status, 401);
    // And the onboarding API refuses every other token type, even a valid access token.
    const { client: signedIn } = await signedInUser();
    const access = signedIn.cookies.get("ACCESS_TOKEN");
    assert.ok(access);
    const wrong = new Client();
    wrong.setCookie("ONBOARDING_TOKEN", access.value);
    assert.equal((await wrong.request("/api/auth/onboarding")).status, 401);
    assert.equal((await wrong.post("/api/auth/onboarding", { nickname: "x", consents: CONSENTS })).status, 401);
  });

  test("an expired onboarding starts again from the provider; a spent one cannot be completed twice", async () => {
    const { client } = await newSocialUser("google");
    const token = client.cookies.get("ONBOARDING_TOKEN");
    assert.ok(token);
    const first = await client.post("/api/auth/onboarding", { nickname: "Once", consents: CONSENTS });
    assert.equal(first.status, 200);
    const replay = new Client();
    replay.setCookie("ONBOARDING_TOKEN", token.value);
    assert.equal((await replay.post("/api/auth/onboarding", { nickname: "Twice", consents: CONSENTS })).status, 401);

    // A token past its 30 minutes: the API refuses it and the page sends the user back to sign in.
    const now = Math.floor(Date.now() / 1000);
    const expired = await forgeToken(validClaims({ tokenType: "ONBOARDING", iat: now - 31 * 60, exp: now - 60 }));
    const late = new Client();
    late.setCookie("ONBOARDING_TOKEN", expired);
    assert.equal((await late.request("/api/auth/onboarding")).status, 401);
    const page = await late.request("/onboarding");
    assert.equal(late.location(page), `${late.base}/login?oauth_error=expired`);
  });
});
