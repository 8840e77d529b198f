// N stateless instances behind a load balancer, through a transaction pooler, as an operator
// deploys them (tests/helpers/cluster.ts): what one user and one attacker see must not depend on
// which instance answers. Bounded in time and size, loopback only.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { MIGRATIONS } from "@/lib/generated/migrations";
import { runRelease, startCluster } from "../helpers/cluster";
import { closeTestDb } from "../helpers/db";
import { LoopbackClient } from "../helpers/http";
import { mailsTo, verificationLink, waitForMail } from "../helpers/mail";
import { PASSWORD, randomEmail, signupBody } from "../helpers/users";

let cluster: Awaited<ReturnType<typeof startCluster>>;
before(async () => {
  cluster = await startCluster("two", 2);
});
after(async () => {
  await cluster?.stop();
  await closeTestDb();
});

async function query<Row extends object>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const db = new pg.Client({ connectionString: cluster.directUrl });
  await db.connect();
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

async function signedIn(): Promise<{ client: LoopbackClient; email: string }> {
  const client = new LoopbackClient(cluster.url);
  const email = randomEmail("cluster");
  assert.equal((await client.post("/api/auth/signup", signupBody(email))).status, 201);
  const [mail] = await waitForMail(email, 1, 15_000, cluster.mailDir);
  assert.equal(client.location(await client.followMailedLink(verificationLink(mail!), "/api/auth/verify")), `${cluster.url}/verified`);
  assert.equal((await client.post("/api/auth/login", { email, password: PASSWORD })).status, 200);
  return { client, email };
}

// The same client's cookies, sent straight to one instance, past the balancer.
function direct(client: LoopbackClient, base: string): LoopbackClient {
  const copy = new LoopbackClient(base, client.localAddress);
  for (const [name, cookie] of client.cookies) copy.cookies.set(name, cookie);
  return copy;
}

test("the release step ran twice at once from the image's runner: one applied everything, the other waited and found nothing", () => {
  assert.deepEqual(
    cluster.releases.map((run) => run.code),
    [0, 0],
  );
  const outputs = cluster.releases.map((run) => run.output).sort();
  assert.match(outputs.join("\n"), new RegExp(`${MIGRATIONS.length} migration\\(s\\) applied`));
  assert.ok(
    outputs.some((output) => output.includes("database is up to date")),
    outputs.join("\n"),
  );
});

describe("one user across instances", () => {
  test("signed in through the balancer, requests alternate between instances and stay signed in", async () => {
    const { client } = await signedIn();
    const served = new Set<string>();
    for (let request = 0; request < 8; request++) {
      const response = await client.request("/api/auth/me");
      assert.equal(response.status, 200);
      served.add(response.headers.get("x-upstream") ?? "?");
    }
    assert.deepEqual([...served].sort(), cluster.instances.map((instance) => instance.upstream).sort());
  });

  test("two tabs refresh at once on different instances: both stay signed in, with one successor token", async () => {
    const { client } = await signedIn();
    const [first, second] = cluster.instances.map((instance) => direct(client, instance.url));
    // Both tabs' pages came from the balancer's origin.
    const fromPage = { headers: { origin: cluster.url } };
    const answers = await Promise.all([first!.post("/api/auth/token/refresh", undefined, fromPage), second!.post("/api/auth/token/refresh", undefined, fromPage)]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200],
    );
    assert.equal(first!.cookies.get("REFRESH_TOKEN")?.value, second!.cookies.get("REFRESH_TOKEN")?.value, "one successor, handed to both");
    for (const tab of [first!, second!]) assert.equal((await direct(tab, cluster.url).request("/api/auth/me")).status, 200);
  });

  test("signed out everywhere on one instance, the other refuses the old access token within seconds", async () => {
    const { client } = await signedIn();
    const [one, other] = cluster.instances;
    const elsewhere = direct(client, other!.url);
    assert.equal((await elsewhere.request("/api/todos")).status, 200);
    assert.equal((await direct(client, one!.url).post("/api/auth/sessions/revoke", { scope: "all" }, { headers: { origin: cluster.url } })).status, 200);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 15_000) {
      status = (await elsewhere.request("/api/todos")).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(status, 401);
    assert.ok(Date.now() - started <= 6_000, `refused after ${Date.now() - started} ms`);
  });
});

describe("limits hold across instances", () => {
  test("per-address limits are shared, and an X-Forwarded-For or X-Real-IP the client writes changes nothing", async () => {
    const client = new LoopbackClient(cluster.url);
    const statuses: number[] = [];
    const served = new Set<string>();
    for (let attempt = 0; attempt < 21; attempt++) {
      const spoof = `198.51.100.${attempt + 1}`;
      const response = await client.post("/api/auth/verify/resend", { email: randomEmail("resend") }, { headers: { "x-forwarded-for": spoof, "x-real-ip": spoof } });
      statuses.push(response.status);
      served.add(response.headers.get("x-upstream") ?? "?");
    }
    assert.deepEqual(statuses, [...Array(20).fill(202), 429]);
    assert.equal(served.size, cluster.instances.length, "every instance counted into the one limit");
    assert.deepEqual(await query(`SELECT DISTINCT ip FROM "SecurityEvent" WHERE ip LIKE '198.51.100.%'`), [], "no client-written address recorded");
  });

  test("per-account failures are counted once whichever instance sees them", async () => {
    const { email } = await signedIn();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      // A new source each time: only the account's count can stop it.
      statuses.push((await new LoopbackClient(cluster.url).post("/api/auth/login", { email, password: "not the password" })).status);
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[5], 429, `statuses ${statuses.join(",")}`);
  });
});

describe("operations while serving", () => {
  test("the release step over the direct URL while the instances serve through the pooler finds nothing and disturbs nothing", async () => {
    const { client } = await signedIn();
    const reads = Promise.all(Array.from({ length: 30 }, () => client.request("/api/todos").then((response) => response.status)));
    const [release, statuses] = await Promise.all([runRelease(cluster.directUrl), reads]);
    assert.equal(release.code, 0, release.output);
    assert.match(release.output, /database is up to date/);
    assert.deepEqual([...new Set(statuses)], [200]);
  });

  test("SMTP down while both instances sweep and the cron route runs on each: one mail per sign-up once SMTP is back", async () => {
    await cluster.stopMail();
    const emails = [randomEmail("outage"), randomEmail("outage"), randomEmail("outage")];
    try {
      for (const email of emails) assert.equal((await new LoopbackClient(cluster.url).post("/api/auth/signup", signupBody(email))).status, 201);
      const cron = (base: string) => fetch(`${base}/api/cron/mail`, { headers: { authorization: `Bearer ${cluster.cronSecret}` } }).then((response) => response.status);
      assert.deepEqual(
        await Promise.all(cluster.instances.map((instance) => cron(instance.url))),
        cluster.instances.map(() => 200),
      );
    } finally {
      await cluster.startMail();
    }
    // The sweepers retry on their own backoff; the cron routes run meanwhile on every instance.
    const deadline = Date.now() + 60_000;
    const delivered = async () => Promise.all(emails.map(async (email) => (await mailsTo(email, cluster.mailDir)).length));
    while ((await delivered()).some((count) => count === 0) && Date.now() < deadline) {
      await Promise.all(cluster.instances.map((instance) => fetch(`${instance.url}/api/cron/mail`, { headers: { authorization: `Bearer ${cluster.cronSecret}` } })));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.deepEqual(await delivered(), [1, 1, 1]);
  });

  // Last: it leaves one instance dead.
  test("an instance killed mid-load: the others serve, no 5xx beyond the requests in flight on it, no half-written rows", async () => {
    const { client, email } = await signedIn();
    const victim = cluster.instances[1]!;
    const statuses: number[] = [];
    const created: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 120) {
        const title = `load ${next++}`;
        if (next === 40) void cluster.kill(victim);
        const response = await client.post("/api/todos", { title }).catch(() => null);
        statuses.push(response?.status ?? 0);
        if (response?.status === 201) created.push(title);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const failed = statuses.filter((status) => status !== 201);
    assert.ok(failed.length <= 4, `failures beyond the four in flight: ${failed.join(",")}`);
    const rows = await query<{ title: string }>(`SELECT t.title FROM "Todo" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`, [email]);
    const stored = rows.map((row) => row.title);
    for (const title of created) assert.ok(stored.includes(title), `${title} answered 201 but is not stored`);
    assert.ok(stored.length <= created.length + failed.length, "nothing stored twice or out of nowhere");
    assert.equal(new Set(stored).size, stored.length, "no write applied twice");
  });
});
