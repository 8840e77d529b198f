import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client, parseSetCookie, randomAddress, rawRequest } from "../helpers/http";
import { forgeToken, validClaims } from "../helpers/tokens";
import { mailsTo, secureAccountLink, waitForMail } from "../helpers/mail";
import { logIn, mailedSignInCode, PASSWORD, randomEmail, signedInUser, signUp, signUpVerified } from "../helpers/users";

after(closeTestDb);

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("POST /api/auth/login", () => {
  test("a wrong password and an unknown e-mail get the identical 401", async () => {
    const { email } = await signUpVerified();
    const wrong = await new Client().post("/api/auth/login", { email, password: "wrong password!!" });
    const unknown = await new Client().post("/api/auth/login", { email: randomEmail("ghost"), password: "wrong password!!" });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
    assert.deepEqual(wrong.headers.getSetCookie(), []);
  });

  test("an unverified user hears EMAIL_NOT_VERIFIED only after the right password", async () => {
    const client = new Client();
    const email = await signUp(client);
    const wrong = await client.post("/api/auth/login", { email, password: "not the password" });
    assert.equal(wrong.status, 401);
    assert.equal(await errorCode(wrong), "INVALID_CREDENTIALS");
    const right = await client.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal(right.status, 403);
    assert.equal(await errorCode(right), "EMAIL_NOT_VERIFIED");
    assert.deepEqual(right.headers.getSetCookie(), []);
  });

  test("sets HttpOnly SameSite=Lax cookies with the token lifetimes, the refresh cookie only for the auth API", async () => {
    const { client, email } = await signUpVerified();
    const response = await client.post("/api/auth/login", { email: email.toUpperCase(), password: PASSWORD });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const cookies = new Map(response.headers.getSetCookie().map((header) => [parseSetCookie(header).name, parseSetCookie(header)]));
    const access = cookies.get("ACCESS_TOKEN");
    const refresh = cookies.get("REFRESH_TOKEN");
    assert.ok(access && refresh);
    for (const cookie of [access, refresh]) {
      assert.ok(cookie.attributes.has("httponly"));
      assert.equal(cookie.attributes.get("samesite")?.toLowerCase(), "lax");
      assert.ok(!cookie.attributes.has("secure"), "http APP_URL: no Secure flag, or the browser would drop it");
    }
    assert.equal(access.attributes.get("path"), "/");
    assert.equal(access.attributes.get("max-age"), "900");
    assert.equal(refresh.attributes.get("path"), "/api/auth");
    assert.equal(refresh.attributes.get("max-age"), "1209600");

    const body = (await response.json()) as { user: Record<string, unknown> };
    assert.deepEqual(Object.keys(body), ["user"]);
    assert.equal(body.user.email, email);
    const text = JSON.stringify(body);
    assert.ok(!text.includes(access.value) && !text.includes(refresh.value), "no token in the body");

    const { rows } = await testDb().query(
      `SELECT rt."jtiHash",
              EXTRACT(EPOCH FROM (now() - s."createdAt")) AS "secondsAgo",
              EXTRACT(EPOCH FROM (s."expiresAt" - s."createdAt")) AS "lifetime",
              rt."expiresAt" = s."expiresAt" AS "sameEnd"
       FROM "RefreshToken" rt JOIN "Session" s ON s.id = rt."sessionId" JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    const jti = JSON.parse(Buffer.from(refresh.value.split(".")[1] ?? "", "base64url").toString()).jti as string;
    assert.deepEqual(
      rows.map((row) => row.jtiHash),
      [createHash("sha256").update(jti).digest("hex")],
      "only the hash of the jti is stored",
    );
    // The session row is written in UTC, like every row Prisma writes, and ends with its token.
    const [row] = rows;
    assert.ok(Math.abs(Number(row.secondsAgo)) < 60, `session created ${row.secondsAgo} s ago`);
    assert.ok(Math.abs(Number(row.lifetime) - 1209600) < 5, `session lifetime ${row.lifetime} s`);
    assert.equal(row.sameEnd, true);
  });

  test("failed attempts earn a growing wait, the same for a real account and an unknown address", async () => {
    const { email } = await signUpVerified();
    for (const address of [email, randomEmail("ghost")]) {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let attempt = 0; attempt < 6; attempt++) {
        last = await new Client().post("/api/auth/login", { email: address, password: `guess number ${attempt}` });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], address);
      const retryAfter = Number(last?.headers.get("retry-after"));
      assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After ${retryAfter}`);
    }
    // Even the right password waits: the lock is checked before any password is.
    const locked = await new Client().post("/api/auth/login", { email, password: PASSWORD });
    assert.equal(locked.status, 429);
  });

  test("a successful sign-in clears the failures", async () => {
    const { email } = await signUpVerified();
    for (let attempt = 0; attempt < 4; attempt++) await new Client().post("/api/auth/login", { email, password: "wrong password!!" });
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 200);
    for (let attempt = 0; attempt < 4; attempt++) {
      assert.equal((await new Client().post("/api/auth/login", { email, password: "wrong password!!" })).status, 401);
    }
  });

  test("one address spraying passwords over many e-mails is stopped after 60 attempts, even with the right password", async () => {
    const { email } = await signUpVerified();
    const sprayer = new Client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 60; attempt++) {
      statuses.push((await sprayer.post("/api/auth/login", { email: randomEmail("spray"), password: "Summer2026!!" })).status);
    }
    assert.deepEqual(statuses, Array(60).fill(401));
    const refused = await sprayer.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0, "Retry-After");
    assert.deepEqual(refused.headers.getSetCookie(), []);
    // The account itself is not locked by it: its owner signs in from anywhere else.
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 200);
  });
});

describe("GET /api/auth/me and the access token", () => {
  test("answers the signed-in user's profile", async () => {
    const { client, email } = await signedInUser();
    const response = await client.request("/api/auth/me");
    assert.equal(response.status, 200);
    const me = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(me).sort(), ["email", "emailVerified", "id", "nickname", "onboardingCompleted", "providers"]);
    assert.equal(me.email, email);
    assert.equal(me.emailVerified, true);
    assert.deepEqual(me.providers, ["password"]);
  });

  test("refuses no token, another type of token, a forged token and an expired one with 401 JSON", async () => {
    const { client } = await signedInUser();
    const refresh = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    const sub = ((await (await client.request("/api/auth/me")).json()) as { id: string }).id;
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      undefined,
      refresh,
      await forgeToken(validClaims({ sub, tokenType: "ONBOARDING" })),
      await forgeToken(validClaims({ sub, tokenType: "EMAIL_VERIFY" })),
      await forgeToken(validClaims({ sub }), { secret: "z".repeat(48) }),
      await forgeToken(validClaims({ sub, iat: now - 1000, exp: now - 1 })),
    ];
    for (const token of cases) {
      const attacker = new Client();
      if (token) attacker.setCookie("ACCESS_TOKEN", token);
      const response = await attacker.request("/api/auth/me");
      assert.equal(response.status, 401);
      assert.equal(await errorCode(response), "UNAUTHENTICATED");
    }
  });
});

describe("refresh, rotation and logout", () => {
  test("POST refresh issues a new access token and rotates the refresh token", async () => {
    const { client } = await signedInUser();
    const before = client.cookies.get("REFRESH_TOKEN")?.value;
    client.cookies.delete("ACCESS_TOKEN");
    const response = await client.post("/api/auth/token/refresh");
    assert.equal(response.status, 200);
    assert.notEqual(client.cookies.get("REFRESH_TOKEN")?.value, before);
    assert.ok(client.cookies.get("ACCESS_TOKEN"));
    assert.equal((await client.request("/api/auth/me")).status, 200);
  });

  test("a rotated refresh token presented again after the grace window revokes the whole session", async () => {
    const { client } = await signedInUser();
    const stolen = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    assert.equal((await client.post("/api/auth/token/refresh")).status, 200);
    const jti = JSON.parse(Buffer.from(stolen.split(".")[1] ?? "", "base64url").toString()).jti as string;
    // Moves the rotation back in time instead of sleeping through the grace window.
    await testDb().query(`UPDATE "RefreshToken" SET "rotatedAt" = now() - interval '1 minute' WHERE "jtiHash" = $1`, [createHash("sha256").update(jti).digest("hex")]);
    const thief = new Client();
    thief.setCookie("REFRESH_TOKEN", stolen, "/api/auth");
    const reuse = await thief.post("/api/auth/token/refresh");
    assert.equal(reuse.status, 401);
    assert.equal(await errorCode(reuse), "INVALID_REFRESH_TOKEN");
    const victim = await client.post("/api/auth/token/refresh");
    assert.equal(victim.status, 401, "the legitimate holder's newer token died with the family");
  });

  test("tabs refreshing the same token at once all stay signed in, with the very same successor", async () => {
    const { client } = await signedInUser();
    const token = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    const tabs = [new Client(), new Client(), new Client()];
    for (const tab of tabs) tab.setCookie("REFRESH_TOKEN", token, "/api/auth");
    const responses = await Promise.all(tabs.map((tab) => tab.post("/api/auth/token/refresh")));
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 200, 200],
    );
    const successors = new Set(tabs.map((tab) => tab.cookies.get("REFRESH_TOKEN")?.value));
    assert.equal(successors.size, 1, "one successor, not one per tab");
    assert.ok(!successors.has(token));
    // And that successor works once more, for whichever tab refreshes next.
    assert.equal((await tabs[0]!.post("/api/auth/token/refresh")).status, 200);
  });

  test("a session ends 14 days after sign-in however often it is refreshed", async () => {
    const { client } = await signedInUser();
    const first = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    const exp = (token: string) => JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()).exp as number;
    await client.post("/api/auth/token/refresh");
    const second = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    assert.equal(exp(second), exp(first));
    const maxAge = Number(client.cookies.get("REFRESH_TOKEN")?.attributes.get("max-age"));
    assert.ok(maxAge <= 1_209_600 && maxAge > 1_209_500);
  });

  test("GET refresh (page navigation) sends the user back to a same-site `next`, or to login", async () => {
    const { client } = await signedInUser();
    client.cookies.delete("ACCESS_TOKEN");
    const back = await client.request("/api/auth/token/refresh?next=%2Fdashboard%2Ftodo");
    assert.equal(back.status, 303);
    assert.equal(client.location(back), `${client.base}/dashboard/todo`);
    assert.ok(client.cookies.get("ACCESS_TOKEN"));
    const offsite = await client.request("/api/auth/token/refresh?next=%2F%2Fevil.example%2F");
    assert.equal(client.location(offsite), `${client.base}/dashboard`);
    const stranger = await new Client().request("/api/auth/token/refresh?next=%2Fdashboard");
    assert.equal(stranger.status, 303);
    assert.equal(client.location(stranger), `${client.base}/login?next=%2Fdashboard`);
  });

  test("an address over its refresh limit gets 429 and its session survives: the token is neither spent nor cleared", async () => {
    const { client } = await signedInUser();
    const token = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    // 120 a minute from one address; these carry no token, so each is a plain 401.
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 120; attempt++) statuses.add((await new Client(client.address).post("/api/auth/token/refresh")).status);
    assert.deepEqual([...statuses], [401]);
    const limited = await client.post("/api/auth/token/refresh");
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0, "Retry-After");
    assert.deepEqual(limited.headers.getSetCookie(), [], "nothing cleared");
    assert.equal(client.cookies.get("REFRESH_TOKEN")?.value, token);
    // The page path is limited the same way, and must not sign the user out either. A browser is
    // there, so it gets a page that tries again by itself when the wait is over, not JSON.
    const page = await client.request("/api/auth/token/refresh?next=%2Fdashboard");
    assert.equal(page.status, 429);
    assert.deepEqual(page.headers.getSetCookie(), []);
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    const wait = Number(page.headers.get("retry-after"));
    assert.ok(wait > 0, "Retry-After");
    const html = await page.text();
    assert.ok(html.includes(`<meta http-equiv="refresh" content="${wait}">`), html);
    assert.ok(html.includes(`시도가 너무 많습니다. ${wait}초 후에 다시 시도해 주세요.`), html);
    // From another address (the same browser after the minute, in effect) the token still rotates.
    assert.equal((await client.post("/api/auth/token/refresh", undefined, { headers: { "x-forwarded-for": randomAddress() } })).status, 200);
  });

  test("logout is 204, clears every auth cookie and ends the session server-side", async () => {
    const { client } = await signedInUser();
    const refresh = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    const response = await client.post("/api/auth/logout");
    assert.equal(response.status, 204);
    const cleared = response.headers.getSetCookie().map(parseSetCookie);
    assert.deepEqual(cleared.map((cookie) => cookie.name).sort(), ["ACCESS_TOKEN", "MFA_TOKEN", "ONBOARDING_TOKEN", "REFRESH_TOKEN"]);
    for (const cookie of cleared) assert.equal(cookie.attributes.get("max-age"), "0");
    assert.equal(cleared.find((cookie) => cookie.name === "REFRESH_TOKEN")?.attributes.get("path"), "/api/auth");
    const replay = new Client();
    replay.setCookie("REFRESH_TOKEN", refresh, "/api/auth");
    assert.equal((await replay.post("/api/auth/token/refresh")).status, 401);
  });

  test("logout sent as the browser's own form post lands on /login, signed out the same way", async () => {
    // node:http, since fetch sends its own Sec-Fetch-Mode.
    const formPost = (client: Client, site: string, origin: string) =>
      rawRequest("/api/auth/logout", {
        method: "POST",
        headers: { cookie: client.cookieHeader("/api/auth/logout"), "x-forwarded-for": client.address, origin, "sec-fetch-mode": "navigate", "sec-fetch-site": site },
      });
    const { client } = await signedInUser();
    const response = await formPost(client, "same-origin", client.base);
    assert.equal(response.status, 303);
    assert.equal(new URL(String(response.headers.location), client.base).toString(), `${client.base}/login`);
    assert.equal(response.headers["clear-site-data"], '"cache", "storage"');
    const cleared = ([] as string[]).concat(response.headers["set-cookie"] ?? []).map(parseSetCookie);
    assert.deepEqual(
      cleared.map((cookie) => cookie.attributes.get("max-age")),
      ["0", "0", "0", "0"],
    );
    assert.equal((await client.post("/api/auth/token/refresh")).status, 401, "the session ended");
    // From another site, the same form is refused and ends nothing.
    const { client: other } = await signedInUser();
    assert.equal((await formPost(other, "cross-site", "https://evil.example")).status, 403);
    assert.equal((await other.post("/api/auth/token/refresh")).status, 200);
  });
});

describe("cross-site writes are refused", () => {
  const writes: [string, unknown][] = [
    ["/api/auth/signup", { email: randomEmail(), password: PASSWORD, nickname: "x", consents: { terms: true, privacy: true } }],
    ["/api/auth/login", { email: randomEmail(), password: PASSWORD }],
    ["/api/auth/verify/resend", { email: randomEmail() }],
    ["/api/auth/token/refresh", undefined],
    ["/api/auth/logout", undefined],
  ];
  const attacks: Record<string, string>[] = [
    { origin: "https://evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  ];
  for (const [path, body] of writes) {
    test(`${path}: foreign, null and cross-site origins → 403`, async () => {
      for (const headers of attacks) {
        const response = await new Client().request(path, { method: "POST", json: body ?? {}, headers, sameOrigin: false });
        assert.equal(response.status, 403, `${path} ${JSON.stringify(headers)}`);
        assert.equal(await errorCode(response), "CROSS_SITE_REQUEST");
      }
    });
  }
});

describe("middleware routing", () => {
  test("protected pages send strangers through the refresh endpoint to /login?next=", async () => {
    const stranger = new Client();
    const first = await stranger.request("/dashboard/todo");
    assert.equal(first.status, 307);
    const hop = new URL(stranger.location(first));
    assert.equal(`${hop.pathname}${hop.search}`, "/api/auth/token/refresh?next=%2Fdashboard%2Ftodo");
    const second = await stranger.request(`${hop.pathname}${hop.search}`);
    assert.equal(stranger.location(second), `${stranger.base}/login?next=%2Fdashboard%2Ftodo`);
  });

  test("signed-in users are sent from /, /login and /signup to the dashboard; /dashboard renders", async () => {
    const { client } = await signedInUser();
    for (const path of ["/", "/login", "/signup"]) {
      const response = await client.request(path);
      assert.equal(response.status, 307, path);
      assert.equal(client.location(response), `${client.base}/dashboard`);
    }
    const dashboard = await client.request("/dashboard");
    assert.equal(dashboard.status, 200);
  });

  test("/onboarding needs an onboarding token: strangers go to the login page, signed-in users to the dashboard", async () => {
    const stranger = new Client();
    assert.equal(stranger.location(await stranger.request("/onboarding")), `${stranger.base}/login`);
    const { client } = await signedInUser();
    assert.equal(client.location(await client.request("/onboarding")), `${client.base}/dashboard`);
  });

  test("an API call without a valid access token gets 401 JSON before any handler runs", async () => {
    for (const path of ["/api/auth/me", "/api/todos", "/api/anything"]) {
      const response = await new Client().request(path);
      assert.equal(response.status, 401, path);
      assert.equal(await errorCode(response), "UNAUTHENTICATED");
    }
  });

  test("redirects never point at a forged Host", async () => {
    for (const path of ["/dashboard", "/api/auth/token/refresh?next=/dashboard", "/onboarding"]) {
      const response = await rawRequest(path, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
      const location = String(response.headers.location ?? "");
      assert.ok([303, 307].includes(response.status), `${path} → ${response.status}`);
      assert.ok(location.startsWith("/") || location.startsWith(new Client().base), `${path} → ${location}`);
      assert.ok(!location.includes("evil.example"), `${path} → ${location}`);
    }
  });
});

describe("sessions and devices", () => {
  // Another browser: the account does not know it, so the sign-in takes the code mailed to the owner.
  async function signInAgain(email: string, userAgent: string): Promise<Client> {
    const device = new Client();
    const response = await logIn(device, email, PASSWORD, { headers: { "user-agent": userAgent } });
    assert.equal(response.status, 200);
    assert.ok(device.cookies.has("ACCESS_TOKEN"));
    return device;
  }
  const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36";
  const LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 Edg/156.0";

  test("each sign-in is a session the user can list, with this device marked", async () => {
    const { client, email } = await signedInUser();
    await signInAgain(email, PHONE);
    const { sessions } = (await (await client.request("/api/auth/sessions")).json()) as { sessions: { current: boolean; userAgent: string }[] };
    assert.equal(sessions.length, 2);
    assert.equal(sessions.filter((session) => session.current).length, 1);
    assert.ok(sessions.some((session) => session.userAgent === PHONE));
  });

  test("signing another device out stops its API calls within seconds, not at its token's expiry", async () => {
    const { client, email } = await signedInUser();
    const phone = await signInAgain(email, PHONE);
    assert.equal((await phone.request("/api/todos")).status, 200);
    const { sessions } = (await (await client.request("/api/auth/sessions")).json()) as { sessions: { id: string; current: boolean }[] };
    const other = sessions.find((session) => !session.current);
    assert.ok(other);
    assert.equal((await client.request(`/api/auth/sessions/${other.id}`, { method: "DELETE" })).status, 204);
    const deadline = Date.now() + 8_000;
    let status = 200;
    while (Date.now() < deadline && status === 200) {
      status = (await phone.request("/api/todos")).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(status, 401, "the revoked device's still-unexpired access token is refused");
    assert.equal((await phone.post("/api/auth/token/refresh")).status, 401, "and it cannot refresh");
    assert.equal((await client.request("/api/todos")).status, 200, "this device is unaffected");
  });

  test("a device signed out through the API is turned away by the pages at once, even one it loaded a moment ago", async () => {
    const { client, email } = await signedInUser();
    const phone = await signInAgain(email, PHONE);
    // Pages and API handlers are bundled apart; this visit leaves the pages' own look at the session.
    assert.equal((await phone.request("/dashboard")).status, 200);
    assert.equal((await client.post("/api/auth/sessions/revoke", { scope: "others" })).status, 200);
    const page = await phone.request("/dashboard");
    assert.equal(page.status, 307, "no calendar for a signed-out device, not even for a few seconds");
    assert.equal(page.headers.get("location"), "/api/auth/token/refresh?next=%2Fdashboard");
  });

  test("'sign out other devices' keeps this one; 'everywhere' ends this one too and clears its cookies", async () => {
    const { client, email } = await signedInUser();
    const phone = await signInAgain(email, PHONE);
    const laptop = await signInAgain(email, LAPTOP);
    const others = await client.post("/api/auth/sessions/revoke", { scope: "others" });
    assert.deepEqual(await others.json(), { revoked: 2 });
    assert.equal((await client.post("/api/auth/token/refresh")).status, 200);
    for (const device of [phone, laptop]) assert.equal((await device.post("/api/auth/token/refresh")).status, 401);

    const everywhere = await client.post("/api/auth/sessions/revoke", { scope: "all" });
    assert.equal(everywhere.status, 200);
    assert.ok(everywhere.headers.getSetCookie().some((cookie) => cookie.startsWith("REFRESH_TOKEN=;")));
    assert.equal((await client.post("/api/auth/token/refresh")).status, 401);
  });

  test("another user's session id cannot be revoked: 404, and it stays signed in", async () => {
    const alice = await signedInUser();
    const mallory = await signedInUser();
    const { sessions } = (await (await alice.client.request("/api/auth/sessions")).json()) as { sessions: { id: string }[] };
    assert.equal((await mallory.client.request(`/api/auth/sessions/${sessions[0]?.id}`, { method: "DELETE" })).status, 404);
    assert.equal((await alice.client.post("/api/auth/token/refresh")).status, 200);
  });

  test("a password sign-in from a device the account does not know asks for a code mailed to the owner, then knows the device", async () => {
    const { client, email } = await signedInUser();
    await new Client().post("/api/auth/login", { email, password: "not the password" });
    const phone = new Client();
    const before = new Set((await mailsTo(email)).map((mail) => mail.id));
    const first = await phone.post("/api/auth/login", { email, password: PASSWORD }, { headers: { "user-agent": PHONE } });
    assert.deepEqual(await first.json(), { mfaRequired: true, method: "email" });
    assert.ok(!phone.cookies.has("ACCESS_TOKEN"), "the password alone opens nothing here");
    assert.ok(phone.cookies.has("DEVICE"), "the browser gets its device id with the pending step");
    const code = await mailedSignInCode(email, before);
    const mail = (await mailsTo(email)).find((candidate) => !before.has(candidate.id) && candidate.subject.includes("sign-in code"));
    assert.match(mail?.text ?? "", /Android/);
    assert.ok(mail && secureAccountLink(mail), "with 'this wasn't me'");
    // The code works once, on the browser that asked: not on another one holding the pending step.
    const other = new Client();
    other.cookies.set("MFA_TOKEN", phone.cookies.get("MFA_TOKEN")!);
    assert.equal((await other.post("/api/auth/2fa/verify", { emailCode: code })).status, 400);
    assert.equal((await phone.post("/api/auth/2fa/verify", { emailCode: code })).status, 200);
    assert.ok(phone.cookies.has("ACCESS_TOKEN"));

    const { events } = (await (await client.request("/api/auth/activity")).json()) as { events: { type: string; newDevice: boolean; userAgent: string | null; method: string }[] };
    assert.deepEqual(events.map((event) => event.type).slice(0, 4), ["LOGIN_SUCCESS", "MFA_FAILURE", "SIGN_IN_CODE_SENT", "LOGIN_FAILURE"], "the other browser's try is on record too");
    assert.equal(events[0]?.newDevice, true);
    assert.equal(events[0]?.method, "PASSWORD+EMAIL_CODE");
    // The owner was mailed the code; no second mail about the same device.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.ok(!(await mailsTo(email)).some((candidate) => candidate.subject.includes("New sign-in")));

    // The same browser again, even updated (another user agent): no code, not a new device.
    const again = await phone.post("/api/auth/login", { email, password: PASSWORD }, { headers: { "user-agent": PHONE.replace("156.0", "157.0") } });
    assert.ok("user" in ((await again.json()) as object));
  });

  test("a sign-in from a country never seen for the account is flagged and mailed, even on a known browser", async () => {
    const { email } = await signUpVerified();
    const laptop = new Client();
    const at = (country: string) => laptop.post("/api/auth/login", { email, password: PASSWORD }, { headers: { "user-agent": LAPTOP, "x-test-country": country } });
    assert.equal((await at("KR")).status, 200);
    assert.equal((await at("KR")).status, 200);
    const mailsBefore = (await waitForMail(email, 1)).length;
    assert.equal((await at("BR")).status, 200);
    const { events } = (await (await laptop.request("/api/auth/activity")).json()) as { events: { newDevice: boolean; newCountry: boolean; country: string }[] };
    assert.deepEqual(events[0], { ...events[0], newDevice: false, newCountry: true, country: "BR" });
    const mails = await waitForMail(email, mailsBefore + 1);
    assert.match(mails.at(-1)?.text ?? "", /BR/);
  });

  test("reuse of a retired refresh token is recorded as a security event", async () => {
    const { client } = await signedInUser();
    const stolen = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
    await client.post("/api/auth/token/refresh");
    const jti = JSON.parse(Buffer.from(stolen.split(".")[1] ?? "", "base64url").toString()).jti as string;
    await testDb().query(`UPDATE "RefreshToken" SET "rotatedAt" = now() - interval '1 minute' WHERE "jtiHash" = $1`, [createHash("sha256").update(jti).digest("hex")]);
    const thief = new Client();
    thief.setCookie("REFRESH_TOKEN", stolen, "/api/auth");
    assert.equal((await thief.post("/api/auth/token/refresh")).status, 401);
    const { rows } = await testDb().query(`SELECT e.type FROM "SecurityEvent" e JOIN "Session" s ON s."userId" = e."userId" WHERE s.id = $1 AND e.type = 'REFRESH_REUSE'`, [
      JSON.parse(Buffer.from(stolen.split(".")[1] ?? "", "base64url").toString()).sid,
    ]);
    assert.equal(rows.length, 1);
  });
});
