// `npm start` serves the production build through this file so that the client address is known:
// like a proxy, it appends the socket's address to X-Forwarded-For (lib/http/client-ip.ts).
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = next({ dev: false, hostname, port });

await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((request, response) => {
  const socketAddress = request.socket.remoteAddress ?? "";
  const forwarded = request.headers["x-forwarded-for"];
  const previous = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = previous ? `${previous}, ${socketAddress}` : socketAddress;
  void handle(request, response);
});
server.listen(port, hostname, () =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "TropiCal ready", requestId: null, url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` })),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
