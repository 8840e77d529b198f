import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { signedInAdmin } from "../helpers/admin";
import { closeTestDb, testDb } from "../helpers/db";
import { publishTxt } from "../../scripts/dns-server";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { decideAtProvider, randomIdentity, signInWithProvider } from "../helpers/oauth";
import { addPasskey, signInWithPasskey } from "../helpers/passkey";
import { companyIdentity, companySignIn, createCompanyConnection, LOCAL_COMPANY_CLIENT, randomDomain, startCompanySignIn } from "../helpers/sso";
import { makeClientStale, sessionIdOf } from "../helpers/step-up";
import { PASSWORD, signedInUser, signUpVerified } from "../helpers/users";

after(closeTestDb);

const CONSENTS = { terms: true, privacy: true, marketing: false };

let admin: Client;
let adminEmail: string;
before(async () => {
  ({ client: admin, email: adminEmail } = await signedInAdmin());
});

function sessionCookies(client: Client): boolean {
  return client.cookies.has("ACCESS_TOKEN") || client.cookies.has("REFRESH_TOKEN") || client.cookies.has("ONBOARDING_TOKEN");
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("company sign-in with OpenID Connect against the local identity provider", () => {
  test("a new identity is onboarded just in time (nickname from its claims, e-mail trusted in the proven domain); a returning one goes straight to the dashboard", async () => {
    const domain = randomDomain();
    const { id } = await createCompanyConnection(admin, domain);
    const identity = companyIdentity(domain);
    const client = new Client();
    const callback = await companySignIn(client, identity.email ?? "", identity);
    assert.equal(callback.status, 303);
    assert.equal(client.location(callback), `${client.base}/onboarding`);
    assert.ok(client.cookies.has("ONBOARDING_TOKEN") && !client.cookies.has("ACCESS_TOKEN"));
    const view = ((await (await client.request("/api/auth/onboarding")).json()) as { onboarding: Record<string, unknown> }).onboarding;
    assert.equal(view.provider, "sso");
    assert.equal(view.connectionName, `Corp ${domain}`);
    assert.equal(view.name, identity.name);
    assert.equal(view.email, identity.email);
    assert.equal(view.emailVerified, true);
    const done = await client.post("/api/auth/onboarding", { nickname: identity.name, consents: CONSENTS });
    assert.equal(done.status, 200, await done.clone().text());
    const me = (await (await client.request("/api/auth/me")).json()) as { email: string; providers: string[]; emailVerified: boolean };
    assert.deepEqual([me.email, me.providers, me.emailVerified], [identity.email, ["sso"], true]);
    const { rows } = await testDb().query(`SELECT a."providerAccountId", a."ssoConnectionId" FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [identity.email]);
    assert.deepEqual(rows, [{ providerAccountId: `${id}:${identity.id}`, ssoConnectionId: id }]);

    const again = new Client();
    const returning = await companySignIn(again, identity.email ?? "", identity);
    assert.equal(again.location(returning), `${again.base}/dashboard`);
    assert.ok(again.cookies.has("ACCESS_TOKEN") && again.cookies.has("REFRESH_TOKEN"));
    assert.ok(!again.cookies.has("ONBOARDING_TOKEN"));
  });

  test("an address the identity provider names outside the connection's proven domains is not trusted as verified", async () => {
    const domain = randomDomain();
    await createCompanyConnection(admin, domain);
    const client = new Client();
    const identity = companyIdentity(domain, { email: `someone@${randomDomain()}` });
    const callback = await companySignIn(client, `typed@${domain}`, identity);
    assert.equal(client.location(callback), `${client.base}/onboarding`);
    const view = ((await (await client.request("/api/auth/onboarding")).json()) as { onboarding: { emailVerified: boolean } }).onboarding;
    assert.equal(view.emailVerified, false);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "x", consents: CONSENTS })).status, 400);
  });

  test("an existing password account at the address is linked only with its password; afterwards the company sign-in opens it", async () => {
    const domain = randomDomain();
    const { email } = await signUpVerified();
    // The owner's account moves to the company domain the way a test can: directly in the database.
    const companyEmail = `owner-${Date.now()}@${domain}`;
    await testDb().query(`UPDATE "User" SET email = $1 WHERE email = $2`, [companyEmail, email]);
    await createCompanyConnection(admin, domain);
    const identity = companyIdentity(domain, { email: companyEmail });
    const client = new Client();
    assert.equal(client.location(await companySignIn(client, companyEmail, identity)), `${client.base}/onboarding`);
    const view = ((await (await client.request("/api/auth/onboarding")).json()) as { onboarding: { existingAccount: { hasPassword: boolean } | null } }).onboarding;
    assert.deepEqual(view.existingAccount, { hasPassword: true, provenByCode: false });
    // Finishing onboarding instead would take over the address: refused.
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "x", consents: CONSENTS })).status, 409);
    assert.equal((await client.post("/api/auth/onboarding/link", { password: "not the password" })).status, 401);
    const linked = await client.post("/api/auth/onboarding/link", { password: PASSWORD });
    assert.equal(linked.status, 200, await linked.clone().text());
    const again = new Client();
    assert.equal(again.location(await companySignIn(again, companyEmail, identity)), `${again.base}/dashboard`);
    const { rows } = await testDb().query(`SELECT a.provider FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [companyEmail]);
    assert.deepEqual(rows, [{ provider: "SSO" }]);
  });

  for (const defect of ["bad-signature", "wrong-audience", "wrong-issuer", "expired", "no-nonce", "wrong-nonce"]) {
    test(`an ID token with ${defect} is refused: the login page says the sign-in could not be verified, and no session or onboarding starts`, async () => {
      const domain = randomDomain();
      await createCompanyConnection(admin, domain);
      const client = new Client();
      const identity = companyIdentity(domain, { defect });
      const callback = await companySignIn(client, identity.email ?? "", identity);
      assert.equal(callback.status, 303);
      assert.equal(client.location(callback), `${client.base}/login?sso_error=SSO_FAILED`);
      assert.ok(!sessionCookies(client));
      const { rows } = await testDb().query(`SELECT 1 FROM "PendingSignup" WHERE email = $1`, [identity.email]);
      assert.equal(rows.length, 0);
    });
  }

  test("cancelling at the identity provider, and the provider failing its token endpoint, land on the login page with their own messages", async () => {
    const domain = randomDomain();
    await createCompanyConnection(admin, domain);
    const client = new Client();
    const cancelled = await companySignIn(client, `x@${domain}`, "cancel");
    assert.equal(client.location(cancelled), `${client.base}/login?sso_error=SSO_CANCELLED`);
    const down = await companySignIn(client, `x@${domain}`, companyIdentity(domain, { unavailable: true }));
    assert.equal(client.location(down), `${client.base}/login?sso_error=SSO_UNAVAILABLE`);
    const page = await (await client.request("/login?sso_error=SSO_CANCELLED", { headers: { "accept-language": "en" } })).text();
    assert.match(page, /Company sign-in was cancelled/);
    assert.ok(!sessionCookies(client));
  });

  test("the state is good once, in the browser that started the flow: a replayed callback, another browser's, and a changed state are refused", async () => {
    const domain = randomDomain();
    await createCompanyConnection(admin, domain);
    const identity = companyIdentity(domain);
    const client = new Client();
    const callback = await decideAtProvider(await startCompanySignIn(client, identity.email ?? ""), identity);
    const path = `${callback.pathname}${callback.search}`;

    const elsewhere = new Client();
    assert.equal(elsewhere.location(await elsewhere.request(path)), `${elsewhere.base}/login?sso_error=SSO_EXPIRED`);
    assert.ok(!sessionCookies(elsewhere));

    const changed = new URL(callback);
    changed.searchParams.set("state", `${changed.searchParams.get("state")}x`);
    assert.equal(client.location(await client.request(`${changed.pathname}${changed.search}`)), `${client.base}/login?sso_error=SSO_EXPIRED`);

    // Another browser's try spent nothing: the right browser still finishes once, and only once.
    assert.equal(client.location(await client.request(path)), `${client.base}/onboarding`);
    const replayer = new Client();
    for (const cookie of client.cookies.values()) replayer.cookies.set(cookie.name, cookie);
    replayer.cookies.delete("ONBOARDING_TOKEN");
    assert.equal(replayer.location(await replayer.request(path)), `${replayer.base}/login?sso_error=SSO_EXPIRED`);
    assert.ok(!replayer.cookies.has("ONBOARDING_TOKEN"));
  });

  test("an unproven domain, a disabled connection and a domain without one get the same answer, and sign nobody in", async () => {
    const unproven = randomDomain();
    await createCompanyConnection(admin, unproven, { prove: false });
    const disabledDomain = randomDomain();
    const disabled = await createCompanyConnection(admin, disabledDomain);
    assert.equal((await admin.request(`/api/admin/sso/connections/${disabled.id}`, { method: "PATCH", json: { enabled: false, reason: "off for the test" } })).status, 200);
    const client = new Client();
    for (const email of [`a@${unproven}`, `a@${disabledDomain}`, `a@${randomDomain()}`]) {
      const response = await client.post("/api/auth/sso/start", { email });
      assert.equal(response.status, 404, email);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "SSO_NOT_AVAILABLE");
    }
    assert.ok(!client.cookies.has("tropical.sso.browser"));
  });

  test("SSO required: every password sign-in for the domain is refused with the same answer, whether the account exists or the password is right", async () => {
    const domain = randomDomain();
    const { email } = await signUpVerified();
    const companyEmail = `member-${Date.now()}@${domain}`;
    await testDb().query(`UPDATE "User" SET email = $1 WHERE email = $2`, [companyEmail, email]);
    const { id } = await createCompanyConnection(admin, domain, { ssoRequired: true });
    const client = new Client();
    const answers = [];
    for (const [address, password] of [
      [companyEmail, PASSWORD],
      [companyEmail, "wrong password"],
      [`nobody@${domain}`, PASSWORD],
    ] as const) {
      const response = await client.post("/api/auth/login", { email: address, password }, { headers: { "accept-language": "en" } });
      answers.push([response.status, ((await response.json()) as { error: { code: string; message: string } }).error]);
    }
    assert.deepEqual(answers, Array(3).fill([403, { code: "SSO_REQUIRED", message: "This address signs in with its company account only. Choose 'Sign in with your company'." }]));
    assert.ok(!sessionCookies(client));
    // Not required any more: the password works again.
    assert.equal((await admin.request(`/api/admin/sso/connections/${id}`, { method: "PATCH", json: { ssoRequired: false, reason: "test" } })).status, 200);
    assert.equal((await client.post("/api/auth/login", { email: companyEmail, password: PASSWORD })).status, 200);
  });

  test("SSO required closes the other ways in too: the account's passkey and its linked provider are refused, and so is a provider sign-up with an address at the domain", async () => {
    const domain = randomDomain();
    const { client, email } = await signedInUser();
    const { passkey } = await addPasskey(client);
    const google = randomIdentity("google");
    assert.equal(client.location(await signInWithProvider(client, "google", google, {}, "link")), `${client.base}/dashboard/settings?linked=google`);
    const companyEmail = `member-${Date.now()}@${domain}`;
    await testDb().query(`UPDATE "User" SET email = $1 WHERE email = $2`, [companyEmail, email]);
    const { id } = await createCompanyConnection(admin, domain, { ssoRequired: true });

    const byPasskey = new Client();
    const refused = await signInWithPasskey(byPasskey, passkey);
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), "SSO_REQUIRED");
    const byGoogle = new Client();
    const callback = await signInWithProvider(byGoogle, "google", google);
    assert.equal(byGoogle.location(callback), `${byGoogle.base}/login?sso_error=SSO_REQUIRED`);
    const newcomer = new Client();
    const signUp = await signInWithProvider(newcomer, "google", randomIdentity("google", { email: `newcomer-${Date.now()}@${domain}` }));
    assert.equal(newcomer.location(signUp), `${newcomer.base}/login?sso_error=SSO_REQUIRED`);
    assert.ok(![byPasskey, byGoogle, newcomer].some(sessionCookies));
    // A provider identity from elsewhere, asking at onboarding to use an address of the domain.
    const outsider = new Client();
    assert.equal(outsider.location(await signInWithProvider(outsider, "google", randomIdentity("google"))), `${outsider.base}/onboarding`);
    const typed = await outsider.post("/api/auth/onboarding/email", { email: `typed-${Date.now()}@${domain}` });
    assert.equal(typed.status, 403);
    assert.equal(await errorCode(typed), "SSO_REQUIRED");
    const page = await (await byGoogle.request("/login?sso_error=SSO_REQUIRED", { headers: { "accept-language": "en" } })).text();
    assert.match(page, /This address signs in with its company account only/);

    // The company sign-in itself is not refused, and without the requirement the others work again.
    await startCompanySignIn(new Client(), companyEmail);
    assert.equal((await admin.request(`/api/admin/sso/connections/${id}`, { method: "PATCH", json: { ssoRequired: false, reason: "test" } })).status, 200);
    assert.equal((await signInWithPasskey(new Client(), passkey)).status, 200);
    const again = new Client();
    assert.equal(again.location(await signInWithProvider(again, "google", google)), `${again.base}/dashboard`);
  });
});

describe("managing connections", () => {
  test("only administrators: a user gets 403, a visitor 401, on every admin SSO route", async () => {
    const { client: user } = await signedInUser();
    const anonymous = new Client();
    const id = "5eed0000-0000-4000-8000-000000000001";
    const calls: [string, string, unknown][] = [
      ["GET", "/api/admin/sso/connections", undefined],
      ["POST", "/api/admin/sso/connections", { protocol: "OIDC", name: "x", oidc: { issuer: testEnv().TEST_OIDC_ISSUER, ...LOCAL_COMPANY_CLIENT }, reason: "abc" }],
      ["PATCH", `/api/admin/sso/connections/${id}`, { ssoRequired: true, reason: "abc" }],
      ["DELETE", `/api/admin/sso/connections/${id}`, { reason: "abc" }],
      ["POST", `/api/admin/sso/connections/${id}/domains`, { domain: "evil.test", reason: "abc" }],
      ["POST", `/api/admin/sso/domains/${id}/verify`, { method: "MANUAL", reason: "abc" }],
    ];
    for (const [method, path, json] of calls) {
      const forUser = await user.request(path, { method, json });
      assert.equal(forUser.status, 403, `${method} ${path}`);
      assert.equal(await errorCode(forUser), "FORBIDDEN");
      assert.equal((await anonymous.request(path, { method, json })).status, 401, `${method} ${path}`);
    }
    const { rows } = await testDb().query(`SELECT "ssoRequired" FROM "SsoConnection" WHERE id = $1`, [id]);
    assert.deepEqual(rows, [{ ssoRequired: false }]);
  });

  test("the client secret is sealed at rest and never returned; every change is in the audit log with the admin's reason", async () => {
    const domain = randomDomain();
    const { id, domainId } = await createCompanyConnection(admin, domain);
    const listed = await admin.request("/api/admin/sso/connections");
    const text = await listed.text();
    assert.ok(!text.includes(LOCAL_COMPANY_CLIENT.clientSecret), "no secret in the list");
    const body = JSON.parse(text) as {
      connections: { id: string; hasSecret: boolean; domains: { id: string; verified: boolean; txtName: string; txtValue: string }[] }[];
      oidc: { redirectUri: string };
    };
    assert.equal(body.oidc.redirectUri, `${testEnv().TEST_BASE_URL}/api/auth/sso/oidc/callback`);
    const mine = body.connections.find((connection) => connection.id === id);
    assert.equal(mine?.hasSecret, true);
    assert.equal(mine?.domains[0]?.txtName, `_tropical.${domain}`);
    assert.match(mine?.domains[0]?.txtValue ?? "", /^tropical-domain-verification=[\w-]{24}$/);
    const patched = await admin.request(`/api/admin/sso/connections/${id}`, { method: "PATCH", json: { oidc: { clientSecret: "a-new-secret-value" }, reason: "rotated" } });
    assert.ok(!(await patched.text()).includes("a-new-secret-value"));
    const { rows: stored } = await testDb().query(`SELECT secret FROM "SsoConnection" WHERE id = $1`, [id]);
    assert.match(stored[0]?.secret ?? "", /^v2\.[\w-]+\.[\w-]+$/);
    assert.ok(!String(stored[0]?.secret).includes("a-new-secret-value"));

    assert.equal((await admin.request(`/api/admin/sso/domains/${domainId}`, { method: "DELETE", json: { reason: "gone" } })).status, 204);
    assert.equal((await admin.request(`/api/admin/sso/connections/${id}`, { method: "DELETE", json: { reason: "done" } })).status, 204);
    const { rows } = await testDb().query(`SELECT action, reason FROM "AuditLog" WHERE "actorEmail" = $1 AND reason LIKE $2 ORDER BY "createdAt"`, [adminEmail, `%${domain}%`]);
    assert.deepEqual(
      rows.map((row) => row.action),
      ["SSO_CONNECTION_CREATED", "SSO_DOMAIN_ADDED", "SSO_DOMAIN_VERIFIED", "SSO_CONNECTION_UPDATED", "SSO_DOMAIN_REMOVED", "SSO_CONNECTION_DELETED"],
    );
    assert.match(rows[2]?.reason ?? "", /^test tenant, confirmed by the admin — .*manual confirmation$/);
    assert.match(rows[3]?.reason ?? "", /new client secret/);
    assert.ok(rows.every((row) => !String(row.reason).includes("a-new-secret-value")));
  });

  test("a DNS proof needs the TXT record the page shows, at its name (a value in two chunks counts); an issuer must be https outside the loopback", async () => {
    const domain = randomDomain();
    const { id, domainId } = await createCompanyConnection(admin, domain, { prove: false });
    const listed = (await (await admin.request("/api/admin/sso/connections")).json()) as { connections: { id: string; domains: { id: string; txtName: string; txtValue: string }[] }[] };
    const shown = listed.connections.find((connection) => connection.id === id)?.domains.find((row) => row.id === domainId);
    assert.ok(shown);
    assert.equal(shown.txtName, `_tropical.${domain}`);
    const verify = () => admin.post(`/api/admin/sso/domains/${domainId}/verify`, { method: "DNS", reason: "check dns" }, { headers: { "accept-language": "en" } });
    const verifiedAt = async () => (await testDb().query(`SELECT "verifiedAt" FROM "SsoDomain" WHERE id = $1`, [domainId])).rows[0]?.verifiedAt;
    const zone = testEnv().TEST_DNS_ZONE_DIR;

    // Nothing published; another value at the name; the right value at the domain itself: no.
    for (const publish of [async () => {}, () => publishTxt(zone, shown.txtName, ["tropical-domain-verification=someone-elses-token"]), () => publishTxt(zone, domain, [shown.txtValue])]) {
      await publish();
      const refused = await verify();
      assert.equal(refused.status, 400);
      assert.deepEqual(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields, {
        domain: "The TXT record was not found yet. DNS changes can take a while; try again later.",
      });
      assert.equal(await verifiedAt(), null);
    }
    // The value, in two character-strings beside another record: proven, and the company sign-in opens.
    await publishTxt(zone, shown.txtName, ["v=spf1 -all", `${shown.txtValue.slice(0, 12)}\t${shown.txtValue.slice(12)}`]);
    assert.equal((await verify()).status, 200);
    assert.ok(await verifiedAt());
    await startCompanySignIn(new Client(), `someone@${domain}`);
    const { rows } = await testDb().query(`SELECT reason FROM "AuditLog" WHERE action = 'SSO_DOMAIN_VERIFIED' AND reason LIKE $1`, [`%${domain}%`]);
    assert.deepEqual(
      rows.map((row) => /by DNS TXT record$/.test(String(row.reason))),
      [true],
    );

    const plain = await admin.post("/api/admin/sso/connections", { protocol: "OIDC", name: "x", oidc: { issuer: "http://idp.example.com", ...LOCAL_COMPANY_CLIENT }, reason: "abc" });
    assert.equal(plain.status, 400);
  });
});

describe("step-up with the company sign-in", () => {
  test("an account that signs in only with its company proves itself there: the round trip marks this session; another identity at the IdP does not", async () => {
    const domain = randomDomain();
    await createCompanyConnection(admin, domain);
    const identity = companyIdentity(domain);
    const client = new Client();
    assert.equal(client.location(await companySignIn(client, identity.email ?? "", identity)), `${client.base}/onboarding`);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "직원", consents: CONSENTS })).status, 200);
    await makeClientStale(client);
    const refused = await client.post("/api/auth/2fa/totp/setup");
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), "REAUTHENTICATION_REQUIRED");
    const status = (await (await client.request("/api/auth/reauth")).json()) as { company: boolean; password: boolean; providers: string[] };
    assert.deepEqual([status.company, status.password, status.providers], [true, false, []]);

    const roundTrip = async (as: typeof identity | "cancel") => {
      const started = await client.post("/api/auth/reauth/company", {});
      assert.equal(started.status, 200, await started.clone().text());
      const authorize = new URL(((await started.json()) as { url: string }).url);
      assert.equal(authorize.searchParams.get("prompt"), "login", "the IdP asks again rather than answering from its own session");
      const callback = await decideAtProvider(authorize, as);
      return client.location(await client.request(`${callback.pathname}${callback.search}`));
    };
    // Someone else's identity at the same IdP proves nothing, and settings says so.
    assert.equal(await roundTrip(companyIdentity(domain)), `${client.base}/dashboard/settings?sso_error=SSO_PROOF_MISMATCH`);
    assert.equal((await client.post("/api/auth/2fa/totp/setup")).status, 403);
    const mismatch = await (await client.request("/dashboard/settings?sso_error=SSO_PROOF_MISMATCH", { headers: { "accept-language": "en" } })).text();
    assert.match(mismatch, /Confirm with the company account this account signs in with/);
    // Cancelled there: the login page the answer lands on sends this signed-in user on to settings,
    // which words why.
    const cancelled = await roundTrip("cancel");
    assert.equal(cancelled, `${client.base}/login?sso_error=SSO_CANCELLED`);
    const onward = await client.request("/login?sso_error=SSO_CANCELLED");
    assert.equal(client.location(onward), `${client.base}/dashboard/settings?sso_error=SSO_CANCELLED`);
    assert.match(await (await client.request("/dashboard/settings?sso_error=SSO_CANCELLED", { headers: { "accept-language": "en" } })).text(), /Company sign-in was cancelled/);
    // Its own does, in this session: no new sign-in.
    const sessionBefore = sessionIdOf(client.cookies.get("ACCESS_TOKEN")?.value ?? "");
    assert.equal(await roundTrip(identity), `${client.base}/dashboard/settings?reauth=done`);
    assert.equal(sessionIdOf(client.cookies.get("ACCESS_TOKEN")?.value ?? ""), sessionBefore);
    assert.equal((await client.post("/api/auth/2fa/totp/setup")).status, 200);

    // An account with a password proves itself with that instead.
    const { client: withPassword } = await signedInUser();
    assert.equal((await withPassword.post("/api/auth/reauth/company", {})).status, 409);
  });
});
