// `npm run keys:rotate`: one step of a signing-key rotation (lib/auth/key-ring.ts), printing the new
// AUTH_SIGNING_KEYS value and when the next step is safe. Reads the ring from --file or from
// AUTH_SIGNING_KEYS; with neither, creates a first ring. With --file, writes the result back.
//   npm run keys:rotate [-- --file .data/signing-keys.json] [--alg ES256|EdDSA]
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseKeyRing, rotateKeyRing, type RotationStep } from "../lib/auth/key-ring";
import { RETIRED_KEY_GRACE_SECONDS } from "../lib/auth/tokens";

const { values } = parseArgs({ options: { file: { type: "string" }, alg: { type: "string", default: "ES256" } } });
const alg = z.enum(["ES256", "EdDSA"]).parse(values.alg);
const at = (seconds: number) => new Date(seconds * 1000).toISOString();

function explain(step: RotationStep): string {
  switch (step.kind) {
    case "created":
      return `Created a key ring; ${step.kid} signs. Set AUTH_SIGNING_KEYS to the value above on every instance.`;
    case "prepared":
      return `Added ${step.kid} as the next key. Deploy the value above to every instance now: the JWKS publishes it, nothing signs with it yet. Run this again after ${at(step.promotableAt)}, once every instance runs it and every service's cached JWKS has it, to start signing with it.`;
    case "wait":
      return `${step.kid} has not been published long enough to sign: run this again after ${at(step.promotableAt)}. Nothing changed.`;
    case "promoted":
      return `${step.kid} now signs; ${step.retiredKid} is retired and still verifies until ${at(step.retiredUntil)}. Deploy the value above to every instance. Run this again after that time to remove the retired key (and prepare the next one).`;
    case "removed":
      return `Removed ${step.kids.join(", ")}: every token they signed has expired.`;
  }
}

const source = values.file ? await readFile(values.file, "utf8").catch(() => "") : (process.env.AUTH_SIGNING_KEYS ?? "");
const ring = source.trim() ? parseKeyRing(source) : null;
const result = await rotateKeyRing(ring, { now: Math.floor(Date.now() / 1000), alg, graceSeconds: RETIRED_KEY_GRACE_SECONDS });
const value = JSON.stringify(result.ring);
if (values.file) await writeFile(values.file, `${value}\n`, { mode: 0o600 });
console.log(value);
for (const step of result.steps) console.error(explain(step));
