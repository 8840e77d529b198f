// Concurrency the app must absorb without losing or doubling anything (bounded, loopback only).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { readMails } from "../helpers/mail";
import { startOwnStack } from "../helpers/own-stack";
import { randomEmail, signupBody } from "../helpers/users";

let stack: Awaited<ReturnType<typeof startOwnStack>>;
before(async () => {
  stack = await startOwnStack("load");
});
after(async () => {
  await stack?.stop();
});

test("50 concurrent sign-ups: 50 users, 50 mails, no duplicates", async () => {
  const emails = Array.from({ length: 50 }, () => randomEmail("burst"));
  const responses = await Promise.all(emails.map((email) => stack.client().post("/api/auth/signup", signupBody(email))));
  assert.deepEqual([...new Set(responses.map((response) => response.status))], [201]);
  // The same address twice at once still makes one account.
  const twice = randomEmail("twice");
  const pair = await Promise.all([stack.client().post("/api/auth/signup", signupBody(twice)), stack.client().post("/api/auth/signup", signupBody(twice))]);
  assert.deepEqual(
    pair.map((response) => response.status),
    [201, 201],
  );

  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT email FROM "User" WHERE email = ANY($1)`, [[...emails, twice]]);
    assert.equal(rows.length, 51);
  } finally {
    await db.end();
  }
  const deadline = Date.now() + 30_000;
  let verificationMails = 0;
  while (Date.now() < deadline) {
    const mails = await readMails(stack.mailDir);
    const ours = mails.filter((mail) => mail.to.some((to) => emails.includes(to)) && /Verify/.test(mail.subject));
    verificationMails = ours.length;
    if (verificationMails >= 50) {
      assert.equal(new Set(ours.map((mail) => mail.to[0])).size, 50, "one mail per user");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(verificationMails, 50);
});

test("500 concurrent authenticated reads all answer 200", async () => {
  const { client } = await stack.signedIn();
  await client.post("/api/todos", { title: "read me" });
  const statuses = await Promise.all(Array.from({ length: 500 }, () => client.request("/api/todos").then((response) => response.status)));
  assert.deepEqual([...new Set(statuses)], [200]);
});
