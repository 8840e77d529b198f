import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

type Me = { email: string; nickname: string; providers: string[] };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const patch = (client: Client, json: unknown, options: { sameOrigin?: boolean; headers?: Record<string, string> } = {}) => client.request("/api/auth/me", { method: "PATCH", json, ...options });

test("a signed-in user changes their nickname, trimmed, and nothing else about the account", async () => {
  const { client, email } = await signedInUser();
  const saved = await patch(client, { nickname: "  새 이름  " });
  assert.equal(saved.status, 200);
  assert.equal(((await saved.json()) as Me).nickname, "새 이름");
  const me = (await (await client.request("/api/auth/me")).json()) as Me;
  assert.deepEqual([me.email, me.nickname], [email, "새 이름"]);

  // The address and the role are not part of a profile: a body naming them is refused whole.
  for (const body of [
    { nickname: "x", email: "other@example.test" },
    { nickname: "x", role: "ADMIN" },
  ]) {
    const refused = await patch(client, body);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as ErrorBody).error.code, "INVALID_INPUT");
  }
  assert.equal(((await (await client.request("/api/auth/me")).json()) as Me).nickname, "새 이름");
});

test("a bad nickname is refused with a reason in the reader's language", async () => {
  const { client } = await signedInUser();
  const cases: [unknown, string][] = [
    [{ nickname: "   " }, "닉네임을 입력해 주세요."],
    [{ nickname: "가".repeat(31) }, "닉네임은 30자 이하여야 합니다."],
    [{ nickname: "<script>" }, "닉네임에 < > 와 제어 문자는 쓸 수 없습니다."],
    [{}, "닉네임을 입력해 주세요."],
  ];
  for (const [body, reason] of cases) {
    const response = await patch(client, body, { headers: { "accept-language": "ko" } });
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(((await response.json()) as ErrorBody).error.fields?.nickname, reason, JSON.stringify(body));
  }
});

test("only the signed-in owner, from this site, can change a nickname", async () => {
  assert.equal((await patch(new Client(), { nickname: "nobody" })).status, 401);
  const { client } = await signedInUser();
  const crossSite = await patch(client, { nickname: "forged" }, { sameOrigin: false, headers: { origin: "https://evil.example" } });
  assert.equal(crossSite.status, 403);
  assert.equal(((await crossSite.json()) as ErrorBody).error.code, "CROSS_SITE_REQUEST");
  // A signed-out session cannot write with its leftover access token.
  const leftover = new Client(client.address);
  for (const cookie of client.cookies.values()) leftover.setCookie(cookie.name, cookie.value, cookie.attributes.get("path") ?? "/");
  assert.equal((await client.post("/api/auth/sessions/revoke", { scope: "all" })).status, 200);
  assert.equal((await patch(leftover, { nickname: "too late" })).status, 401);
});
