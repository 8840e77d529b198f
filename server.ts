// `npm start` serves the production build through this file so that the client address is known:
// the socket's address goes to the app in its own header (lib/http/client-ip.ts), overwriting any a
// client sent. Hosts that run `next start` or the standalone server instead name a proxy header.
import { createServer } from "node:http";
import next from "next";
import { SOCKET_ADDRESS_HEADER } from "./lib/http/client-ip";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
// Tells the app, in this process only, that the header above is this server's and can be believed.
process.env.TROPICAL_SOCKET_ADDRESS = "server.ts";
const app = next({ dev: false, hostname, port });

await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((request, response) => {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, hostname, () =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "TropiCal ready", requestId: null, url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` })),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
