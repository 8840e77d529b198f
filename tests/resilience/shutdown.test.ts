// A server told to stop (SIGTERM: a deploy, a scale-down) while kept-alive connections keep
// bringing requests, as a balancer's and a browser's do: it answers what it began and exits by
// itself, before the runtime's SIGKILL, and nobody it served is signed out. Each way hosts serve the build.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { test } from "node:test";
import { spawnApp, type HowServed } from "../helpers/app-process";
import { signedInUser } from "../helpers/users";

// A container runtime's default between SIGTERM and SIGKILL.
const KILLED_AFTER_MS = 10_000;

function exitWithin(child: ChildProcess, ms: number): Promise<{ code: number | null; seconds: number } | "still running"> {
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still running"), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000 });
    });
  });
}

for (const how of ["server.ts", "next start", "standalone"] satisfies HowServed[]) {
  test(`${how}: stopped under kept-alive traffic, it answers what it began and exits by itself; nobody is signed out`, async () => {
    const { url, child } = await spawnApp(how, {});
    try {
      const users = await Promise.all(Array.from({ length: 4 }, () => signedInUser()));
      const tabs = users.map(({ client }) => client.at(url));
      let running = true;
      let answered = 0;
      const unexpected: string[] = [];
      // Back to back, so that each connection always has a request coming: what a busy balancer's
      // upstream connections look like to the server.
      const storms = tabs.map(async (tab) => {
        while (running) {
          const status = await tab.post("/api/auth/token/refresh").then(
            (response) => response.status,
            () => 0,
          );
          if (status === 200) answered++;
          else if (status !== 0) unexpected.push(`refresh answered ${status}`);
          if (status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      // Until every tab has been answered (a fresh server loads each route on its first request,
      // which can take longer than the storm's first second), then a moment of traffic more.
      const warm = Date.now() + 15_000;
      while (answered < tabs.length && unexpected.length === 0 && Date.now() < warm) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = answered;
      child.kill("SIGTERM");
      const exit = await exitWithin(child, KILLED_AFTER_MS);
      running = false;
      await Promise.all(storms);
      assert.notEqual(exit, "still running", `${how} was still serving ${KILLED_AFTER_MS / 1000} s after SIGTERM`);
      assert.deepEqual(unexpected, []);
      assert.ok(before >= tabs.length, "the tabs were refreshing before the stop");
      // Each tab goes on at the stack's own server with the cookies it holds, after the window in
      // which a retired refresh token is forgiven (REUSE_GRACE_SECONDS, lib/auth/sessions.ts): only
      // if every answer the tabs were sent arrived is none of them a retired token presented again.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      for (const tab of tabs) {
        const back = tab.at(users[0]!.client.base);
        assert.equal((await back.post("/api/auth/token/refresh")).status, 200);
        assert.equal((await back.request("/api/todos")).status, 200);
      }
    } finally {
      child.kill("SIGKILL");
    }
  });
}
