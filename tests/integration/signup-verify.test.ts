import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client, rawRequest } from "../helpers/http";
import { mailsTo, verificationLink, waitForMail } from "../helpers/mail";
import { forgeToken, validClaims } from "../helpers/tokens";
import { PASSWORD, randomEmail, signUp, signupBody, signUpVerified } from "../helpers/users";

after(closeTestDb);

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return body.error;
}

describe("POST /api/auth/signup", () => {
  test("creates an unverified user with consents and an argon2id hash, sets no cookie, sends a bilingual mail", async () => {
    const client = new Client();
    const email = randomEmail();
    const response = await client.post("/api/auth/signup", signupBody(email.toUpperCase(), { consents: { terms: true, privacy: true, marketing: true } }));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.deepEqual(response.headers.getSetCookie(), []);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ["message"]);

    const { rows } = await testDb().query(`SELECT id, "passwordHash", "emailVerifiedAt" FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows.length, 1, "stored under the lower-cased address");
    assert.equal(rows[0].emailVerifiedAt, null);
    assert.match(rows[0].passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(!rows[0].passwordHash.includes(PASSWORD));
    const consents = await testDb().query(`SELECT kind, granted, version FROM "Consent" WHERE "userId" = $1 ORDER BY kind`, [rows[0].id]);
    assert.deepEqual(
      consents.rows.map((row) => [row.kind, row.granted]),
      [
        ["TERMS", true],
        ["PRIVACY", true],
        ["MARKETING", true],
      ],
    );
    assert.ok(consents.rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.version)));

    const [mail] = await waitForMail(email);
    assert.ok(mail);
    assert.match(mail.subject, /이메일 인증/);
    assert.match(mail.subject, /Verify your e-mail/);
    assert.match(mail.text, /30분/);
    assert.match(mail.text, /30 minutes/);
    assert.match(mail.html, /<a href="http:\/\/localhost:\d+\/verify-email\?token=/);
    assert.ok(verificationLink(mail).startsWith(`${client.base}/verify-email?token=`));
  });

  test("the verification mail shows a button and a short fallback link, both to the whole working link", async () => {
    const client = new Client();
    const email = await signUp(client);
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    const link = verificationLink(mail);
    const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    const anchors = [...mail.html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, href = "", text = ""]) => ({ href: unescape(href), text: unescape(text) }));
    assert.deepEqual(
      anchors.map((anchor) => anchor.href),
      [link, link],
    );
    assert.deepEqual(
      anchors.map((anchor) => anchor.text),
      ["이메일 인증하기 / Verify e-mail", `${new URL(client.base).host}/verify-email`],
    );
    const shown = unescape(mail.html.replace(/<[^>]+>/g, " "));
    assert.ok(!shown.includes("token="), "the HTML part shows no token");
    assert.ok(link.length > 200, "the link itself is the long one");
    assert.match(mail.text, /이메일 인증하기 \/ Verify e-mail:\n\S+verify-email\?token=/, "the text part has the whole link on a line of its own");
    const page = await new Client().request(new URL(anchors[1]?.href ?? "").pathname + new URL(anchors[1]?.href ?? "").search);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /이메일 인증하기/);
  });

  test("the verification link is built from APP_URL, never from a forged Host header", async () => {
    const email = randomEmail();
    const response = await rawRequest("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json", host: "evil.example", "x-forwarded-host": "evil.example", origin: new Client().base },
      body: JSON.stringify(signupBody(email)),
    });
    assert.equal(response.status, 201);
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    assert.ok(!mail.text.includes("evil.example"));
    assert.ok(verificationLink(mail).startsWith(new Client().base));
  });

  test("an already registered e-mail gets the same answer, and its owner is told by mail", async () => {
    const { client, email } = await signUpVerified();
    const fresh = await client.post("/api/auth/signup", signupBody(randomEmail()));
    const again = await client.post("/api/auth/signup", signupBody(`  ${email.toUpperCase()}  `, { nickname: "Someone else" }));
    assert.equal(again.status, fresh.status);
    assert.deepEqual(await again.json(), await fresh.json());
    assert.deepEqual(again.headers.getSetCookie(), []);
    const mails = await waitForMail(email, 2);
    assert.match(mails[1]?.subject ?? "", /already have an account/);
    assert.ok(!mails[1]?.text.includes("verify?token="), "the notice carries no verification link");
    const { rows } = await testDb().query(`SELECT nickname FROM "User" WHERE email = $1`, [email]);
    assert.deepEqual(rows, [{ nickname: "Tester" }], "the existing account is untouched");
  });

  test("invalid input is 400 with a message per field", async () => {
    const response = await new Client().post("/api/auth/signup", {
      email: "not-an-email",
      password: "short",
      nickname: "",
      consents: { terms: false, privacy: true },
    });
    assert.equal(response.status, 400);
    const error = await errorOf(response);
    assert.equal(error.code, "INVALID_INPUT");
    assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ["consents.terms", "email", "nickname", "password"]);
    assert.ok(!JSON.stringify(error).includes("short"), "the submitted password is never echoed");
  });

  test("an error's message and its field messages follow the caller's language together: Korean by default, English on request", async () => {
    const body = { ...signupBody("not-an-email"), password: "short" };
    const korean = await errorOf(await new Client().post("/api/auth/signup", body));
    assert.equal(korean.message, "입력한 내용을 확인해 주세요.");
    assert.equal(korean.fields?.email, "올바른 이메일 주소를 입력해 주세요.");
    assert.equal(korean.fields?.password, "비밀번호는 10자 이상이어야 합니다.");
    const english = await errorOf(await new Client().post("/api/auth/signup", body, { headers: { "accept-language": "en-GB,en;q=0.9" } }));
    assert.equal(english.message, "Check what you entered.");
    assert.equal(english.fields?.email, "Enter a valid e-mail address.");
    assert.equal(english.fields?.password, "Use at least 10 characters.");
    // The language cookie the switcher sets wins over the browser's languages.
    const chosen = new Client();
    chosen.setCookie("lang", "en");
    assert.equal((await errorOf(await chosen.post("/api/auth/signup", body, { headers: { "accept-language": "ko" } }))).message, "Check what you entered.");
    // A domain check's problem (a weak password) is worded the same way, not in a fixed language.
    const weak = await errorOf(await new Client().post("/api/auth/signup", { ...signupBody(randomEmail()), password: "password1234" }, { headers: { "accept-language": "en" } }));
    assert.equal(weak.message, "Check what you entered.");
    assert.doesNotMatch(weak.fields?.password ?? "", /[가-힣]/);
    assert.ok(weak.fields?.password);
    // The middleware's own refusal speaks the same language as a handler's.
    const refused = await new Client().request("/api/events?from=2026-01-01&to=2026-02-01", { headers: { "accept-language": "en" } });
    assert.equal(refused.status, 401);
    assert.deepEqual(await errorOf(refused), { code: "UNAUTHENTICATED", message: "Sign in to continue." });
    assert.ok(refused.headers.get("x-request-id"));
  });

  test("unknown fields and wrongly typed fields are 400, never reaching the database", async () => {
    for (const body of [
      { ...signupBody(randomEmail()), role: "ADMIN" },
      { ...signupBody(randomEmail()), email: { $ne: null } },
      { ...signupBody(randomEmail()), password: ["a", "b"] },
      { ...signupBody(randomEmail()), consents: "yes" },
      [],
      null,
      "a string",
    ]) {
      const response = await new Client().post("/api/auth/signup", body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await errorOf(response)).code, "INVALID_INPUT");
    }
  });

  test("a body that is not JSON is 415; malformed JSON is 400; an oversized body is 413", async () => {
    const client = new Client();
    const form = await client.request("/api/auth/signup", { method: "POST", body: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal(form.status, 415);
    assert.equal((await errorOf(form)).code, "UNSUPPORTED_MEDIA_TYPE");
    const broken = await client.request("/api/auth/signup", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    assert.equal(broken.status, 400);
    assert.equal((await errorOf(broken)).code, "INVALID_JSON");
    const huge = await client.post("/api/auth/signup", { ...signupBody(randomEmail()), nickname: "x".repeat(64 * 1024) });
    assert.equal(huge.status, 413);
    assert.equal((await errorOf(huge)).code, "PAYLOAD_TOO_LARGE");
  });
});

describe("sign-ups from one address", () => {
  test("20 accounts an hour; the 21st is refused with 429 and not created, while other addresses go on", async () => {
    const client = new Client();
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 20; attempt++) statuses.add((await client.post("/api/auth/signup", signupBody(randomEmail("farm")))).status);
    assert.deepEqual([...statuses], [201]);
    const extra = randomEmail("farm");
    const refused = await client.post("/api/auth/signup", signupBody(extra));
    assert.equal(refused.status, 429);
    assert.equal((await errorOf(refused)).code, "RATE_LIMITED");
    assert.ok(Number(refused.headers.get("retry-after")) > 0, "Retry-After");
    assert.deepEqual((await testDb().query(`SELECT id FROM "User" WHERE email = $1`, [extra])).rows, []);
    assert.equal((await new Client().post("/api/auth/signup", signupBody(extra))).status, 201);
  });
});

describe("the verification link", () => {
  test("opens a page that asks for one click; the click verifies once, and the same link again says it was used", async () => {
    const client = new Client();
    const email = await signUp(client);
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    const first = await client.followMailedLink(verificationLink(mail), "/api/auth/verify");
    assert.equal(first.status, 303);
    assert.equal(client.location(first), `${client.base}/verified`);
    const { rows } = await testDb().query(`SELECT "emailVerifiedAt" FROM "User" WHERE email = $1`, [email]);
    assert.ok(rows[0].emailVerifiedAt instanceof Date);
    const second = await client.followMailedLink(verificationLink(mail), "/api/auth/verify");
    assert.equal(client.location(second), `${client.base}/verify-failed?reason=used`);
  });

  // A mail scanner fetches every link in a message, with GET or HEAD: nothing may happen then.
  test("GET and HEAD of the link, or of the old API address, change nothing; only the page's POST does", async () => {
    const client = new Client();
    const email = await signUp(client);
    const [mail] = await waitForMail(email);
    assert.ok(mail);
    const link = new URL(verificationLink(mail));
    const token = link.searchParams.get("token") ?? "";
    for (const method of ["GET", "HEAD"]) {
      assert.equal((await client.request(`${link.pathname}${link.search}`, { method })).status, 200);
      const old = await client.request(`/api/auth/verify?token=${encodeURIComponent(token)}`, { method });
      assert.equal(old.status, 303);
      assert.equal(client.location(old), `${client.base}/verify-email?token=${encodeURIComponent(token)}`);
    }
    const { rows } = await testDb().query(`SELECT "emailVerifiedAt" FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows[0].emailVerifiedAt, null, "still unverified after the scanner");
    const { rows: spent } = await testDb().query(`SELECT count(*)::int AS n FROM "UsedEmailToken" u JOIN "User" ON "User".id = u."userId" WHERE "User".email = $1`, [email]);
    assert.equal(spent[0].n, 0, "the link is unspent");
    // Another site cannot make the browser press the button.
    const crossSite = await client.postForm("/api/auth/verify", { token }, { headers: { origin: "https://evil.example" } });
    assert.equal(crossSite.status, 403);
    assert.equal(client.location(await client.postForm("/api/auth/verify", { token })), `${client.base}/verified`);
  });

  test("an expired link says expired; a forged, garbled or wrong-type token says invalid", async () => {
    const client = new Client();
    const email = await signUp(client);
    const { rows } = await testDb().query(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const sub = rows[0].id as string;
    const now = Math.floor(Date.now() / 1000);
    const expired = await forgeToken(validClaims({ sub, email, tokenType: "EMAIL_VERIFY", iat: now - 3600, exp: now - 1800 }));
    const wrongType = await forgeToken(validClaims({ sub, email, tokenType: "ACCESS" }));
    const wrongKey = await forgeToken(validClaims({ sub, email, tokenType: "EMAIL_VERIFY" }), { secret: "x".repeat(40) });
    const otherAddress = await forgeToken(validClaims({ sub, email: "someone@else.test", tokenType: "EMAIL_VERIFY" }));
    const cases: [string, string][] = [
      [expired, "expired"],
      [wrongType, "invalid"],
      [wrongKey, "invalid"],
      [otherAddress, "invalid"],
      ["garbage", "invalid"],
      ["", "invalid"],
    ];
    for (const [token, reason] of cases) {
      const response = await client.postForm("/api/auth/verify", { token });
      assert.equal(response.status, 303);
      assert.equal(client.location(response), `${client.base}/verify-failed?reason=${reason}`);
    }
    const still = await testDb().query(`SELECT "emailVerifiedAt" FROM "User" WHERE id = $1`, [sub]);
    assert.equal(still.rows[0].emailVerifiedAt, null);
  });
});

describe("POST /api/auth/verify/resend", () => {
  test("answers the same for unknown, unverified and verified addresses; mails only the unverified one", async () => {
    const client = new Client();
    const email = await signUp(client);
    await waitForMail(email);
    const unknown = randomEmail("unknown");
    const answers = await Promise.all([email, unknown].map((address) => client.post("/api/auth/verify/resend", { email: address })));
    for (const answer of answers) assert.equal(answer.status, 202);
    const [first, second] = await Promise.all(answers.map((answer) => answer.json()));
    assert.deepEqual(first, second);
    const mails = await waitForMail(email, 2);
    assert.ok(verificationLink(mails[1]!));
    assert.deepEqual(await mailsTo(unknown), []);
  });

  test("is rate limited per address with 429 and Retry-After, known or not", async () => {
    const client = new Client();
    for (const address of [randomEmail("limited"), await signUp(client)]) {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await client.post("/api/auth/verify/resend", { email: address });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [202, 202, 202, 429]);
      assert.ok(Number(last?.headers.get("retry-after")) > 0);
      assert.equal((await errorOf(last!)).code, "RATE_LIMITED");
    }
  });
});
