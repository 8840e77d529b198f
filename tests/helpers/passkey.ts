import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import type { Client } from "./http";

// A software authenticator for the HTTP tests: the same registration and assertion a browser's
// passkey produces (packed "none" attestation, ES256), so the server's WebAuthn checks run for real.

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | { [key: string]: Cbor };

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  if (length < 65536) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
}

function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export class SoftPasskey {
  readonly id = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;

  constructor(private readonly origin: string) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    this.publicJwk = { x: jwk.x ?? "", y: jwk.y ?? "" };
  }

  get credentialId(): string {
    return b64url(this.id);
  }

  private authData(flags: number, attested?: Buffer): Buffer {
    this.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(new URL(this.origin).hostname), Buffer.from([flags]), counter, ...(attested ? [attested] : [])]);
  }

  // The answer to registration options (navigator.credentials.create).
  register(options: { challenge: string }): Record<string, unknown> {
    const coseKey = new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.publicJwk.x, "base64url")],
      [-3, Buffer.from(this.publicJwk.y, "base64url")],
    ]);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.id.length);
    // User present, user verified, attested credential data included.
    const authData = this.authData(0x45, Buffer.concat([Buffer.alloc(16), length, this.id, cbor(coseKey)]));
    const attestationObject = cbor({ fmt: "none", attStmt: {}, authData });
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      response: { clientDataJSON: b64url(clientData("webauthn.create", options.challenge, this.origin)), attestationObject: b64url(attestationObject), transports: ["internal"] },
      clientExtensionResults: {},
    };
  }

  // The answer to authentication options (navigator.credentials.get).
  assert(options: { challenge: string }): Record<string, unknown> {
    const data = clientData("webauthn.get", options.challenge, this.origin);
    const authData = this.authData(0x05);
    const signer = createSign("sha256");
    signer.update(Buffer.concat([authData, sha256(data)]));
    const signature = signer.sign({ key: this.privateKey, dsaEncoding: "der" });
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      response: { clientDataJSON: b64url(data), authenticatorData: b64url(authData), signature: b64url(signature) },
      clientExtensionResults: {},
    };
  }
}

// Registers a new software passkey to the signed-in client's account; answers the response.
export async function addPasskey(client: Client, passkey = new SoftPasskey(client.base)): Promise<{ passkey: SoftPasskey; response: Response }> {
  const options = await client.post("/api/auth/passkeys/register/options");
  if (options.status !== 200) return { passkey, response: options };
  const response = await client.post("/api/auth/passkeys", { response: passkey.register((await options.json()) as { challenge: string }) });
  return { passkey, response };
}

export async function signInWithPasskey(client: Client, passkey: SoftPasskey): Promise<Response> {
  const options = (await (await client.post("/api/auth/passkeys/login/options")).json()) as { challenge: string };
  return client.post("/api/auth/passkeys/login", { response: passkey.assert(options) });
}
