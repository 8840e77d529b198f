import { createServer, type Socket } from "node:net";

// A real SMTP server on loopback whose answer to the end of a message the test decides: at once, or
// never until `release()` — in silence ("hold"), or while sending continuation lines of its reply
// ("drip"), so the socket is never idle. A message counts as delivered only when the server gets to
// acknowledge it on a connection the client still has open, as a real server's queue would take it.
export type StallMode = "answer" | "hold" | "drip";

export interface StallingSmtp {
  url: string;
  mode: StallMode;
  // Messages acknowledged so far.
  delivered: () => number;
  // Messages received in full and waiting for their answer.
  waiting: () => number;
  // Answers every waiting message whose client is still connected, and answers at once from then on.
  release: () => void;
  stop: () => Promise<void>;
}

const DRIP_EVERY_MS = 200;

export async function startStallingSmtp(mode: StallMode): Promise<StallingSmtp> {
  let delivered = 0;
  const held = new Set<{ socket: Socket; drip?: NodeJS.Timeout }>();
  const sockets = new Set<Socket>();

  const acknowledge = (socket: Socket) => {
    if (socket.destroyed || !socket.writable || socket.readableEnded) return;
    socket.write("250 2.0.0 queued\r\n");
    delivered++;
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let inData = false;
    socket.write("220 stall.test ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line !== ".") continue;
          inData = false;
          if (api.mode === "answer") {
            acknowledge(socket);
            continue;
          }
          const entry: { socket: Socket; drip?: NodeJS.Timeout } = { socket };
          if (api.mode === "drip") entry.drip = setInterval(() => socket.writable && socket.write("250-2.0.0 still working\r\n"), DRIP_EVERY_MS);
          held.add(entry);
          socket.once("close", () => {
            clearInterval(entry.drip);
            held.delete(entry);
          });
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 stall.test\r\n");
        else if (verb === "MAIL" || verb === "RCPT" || verb === "RSET" || verb === "NOOP") socket.write("250 2.0.0 ok\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 2.0.0 bye\r\n");
        else socket.write("502 5.5.2 not implemented\r\n");
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the stalling SMTP server has no port");

  const api: StallingSmtp = {
    url: `smtp://127.0.0.1:${address.port}`,
    mode,
    delivered: () => delivered,
    waiting: () => held.size,
    release: () => {
      api.mode = "answer";
      for (const entry of held) {
        clearInterval(entry.drip);
        acknowledge(entry.socket);
      }
      held.clear();
    },
    stop: async () => {
      for (const entry of held) clearInterval(entry.drip);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}
