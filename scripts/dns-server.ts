import { createSocket, type RemoteInfo } from "node:dgram";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// A DNS server on loopback that answers TXT questions, for domain proofs (lib/auth/sso/domain-proof.ts)
// against real DNS messages: the test stack points the app's SSO_DNS_SERVERS here. The zone is a
// folder: a name's TXT records are the lines of the file named after it, and a tab inside a line
// splits that record into the character-strings a long TXT value arrives in. No file: NXDOMAIN.
// UDP only, one question per message, as a stub resolver asks.

const TYPE_TXT = 16;
const CLASS_IN = 1;

interface Question {
  name: string;
  type: number;
  end: number;
}

function readQuestion(message: Buffer): Question | null {
  if (message.length < 12 || message.readUInt16BE(4) !== 1) return null;
  const labels: string[] = [];
  let offset = 12;
  for (let length = message[offset] ?? 0; length > 0; length = message[offset] ?? 0) {
    // Compression pointers never appear in a question a resolver sends first.
    if (length > 63 || offset + 1 + length > message.length) return null;
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString("latin1"));
    offset += 1 + length;
  }
  if (offset + 5 > message.length) return null;
  return { name: labels.join(".").toLowerCase(), type: message.readUInt16BE(offset + 1), end: offset + 5 };
}

function txtRecord(strings: string[]): Buffer {
  const parts = strings.map((text) => {
    const bytes = Buffer.from(text, "utf8").subarray(0, 255);
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  });
  const data = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0xc00c, 0); // the question's name
  header.writeUInt16BE(TYPE_TXT, 2);
  header.writeUInt16BE(CLASS_IN, 4);
  header.writeUInt32BE(60, 6);
  header.writeUInt16BE(data.length, 10);
  return Buffer.concat([header, data]);
}

// The answer to `message`: its header and question, then the records. RCODE 3 (NXDOMAIN) for a name
// without a file, NOERROR with no answers for another type at a name that has one.
function answer(message: Buffer, question: Question, records: string[][] | null): Buffer {
  const header = Buffer.from(message.subarray(0, 12));
  const recursionDesired = (message.readUInt16BE(2) & 0x0100) !== 0;
  header.writeUInt16BE(0x8400 | (recursionDesired ? 0x0100 : 0) | (records === null ? 3 : 0), 2);
  const answers = question.type === TYPE_TXT && records ? records.map(txtRecord) : [];
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  header.writeUInt16BE(0, 8);
  header.writeUInt16BE(0, 10);
  return Buffer.concat([header, message.subarray(12, question.end), ...answers]);
}

async function recordsOf(zoneDir: string, name: string): Promise<string[][] | null> {
  if (!/^[a-z0-9_.-]+$/.test(name) || name.includes("..")) return null;
  const text = await readFile(path.join(zoneDir, name), "utf8").catch(() => null);
  if (text === null) return null;
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("\t"));
}

export interface DnsServer {
  // "127.0.0.1:<port>", for SSO_DNS_SERVERS.
  address: string;
  zoneDir: string;
  stop: () => Promise<void>;
}

export async function startDnsServer(zoneDir: string): Promise<DnsServer> {
  await mkdir(zoneDir, { recursive: true });
  const socket = createSocket("udp4");
  socket.on("message", (message: Buffer, from: RemoteInfo) => {
    const question = readQuestion(message);
    if (!question) return;
    // A resolver that gave up meanwhile is no error of the server's: the answer is dropped.
    void recordsOf(zoneDir, question.name).then((records) => socket.send(answer(message, question, records), from.port, from.address, () => {}));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, "127.0.0.1", () => resolve());
  });
  socket.on("error", (error) => process.stderr.write(`local DNS server: ${error.message}\n`));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    zoneDir,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

// Publishes `values` as the TXT records of `name` (each value one record; a tab splits a record into
// character-strings).
export async function publishTxt(zoneDir: string, name: string, values: string[]): Promise<void> {
  await writeFile(path.join(zoneDir, name.toLowerCase()), values.map((value) => `${value}\n`).join(""));
}
