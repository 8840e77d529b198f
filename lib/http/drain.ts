import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

// How long a stopping process waits for the requests it has already begun before it cuts them:
// under the 10 s a container runtime gives between SIGTERM and SIGKILL by default.
const DRAIN_LIMIT_MS = 8_000;
const IDLE_SWEEP_MS = 100;

// On SIGTERM (a deploy, a scale-down) Node's `server.close()`, which every way of serving calls
// (server.ts, `next start`, the standalone server), stops taking connections but lets a kept-alive
// one (a balancer's, a browser's) bring requests on for ever: the process was killed mid-answer,
// and a refresh whose rotation had been committed but whose answer never left ended its session
// when the tab retried with the token it still held. Here, once stopping, every answer says
// `Connection: close` and a connection between two requests is closed, so the server exits by
// itself once the requests it has begun are answered; a request cut that way was never started and
// is safe to send again. The servers are the ones seen serving, whoever created them.
export function drainOnStop(): void {
  const servers = new Set<Server>();
  let stopping = false;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    servers.add(server);
    if (stopping && !response.headersSent) response.setHeader("connection", "close");
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const sweep = setInterval(() => {
      for (const server of servers) server.closeIdleConnections();
    }, IDLE_SWEEP_MS);
    sweep.unref();
    setTimeout(() => {
      for (const server of servers) server.closeAllConnections();
    }, DRAIN_LIMIT_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
