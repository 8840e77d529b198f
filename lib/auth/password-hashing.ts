import "server-only";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. @node-rs/argon2 runs on libuv's thread pool.
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

// At most this many hashes at once, so one core is left to the event loop. Four pool threads hashing on a
// one-core server starved it, and made the logins themselves no faster (bench/ compares the two
// builds under 16 concurrent logins); and a flood of logins holds 19 MiB per slot, not per request.
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let hashing = 0;
const queue: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < HASH_SLOTS) hashing++;
  else await new Promise<void>((resolve) => queue.push(resolve));
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so a newcomer cannot overtake the queue.
    const next = queue.shift();
    if (next) next();
    else hashing--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

// Verifies against the stored hash, or against a throw-away hash when there is none, so that an
// unknown e-mail costs the same time as a wrong password.
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  const against = storedHash || (await (dummyHash ??= hashPassword(crypto.randomUUID())));
  const matches = await inHashSlot(() => verify(against, password)).catch(() => false);
  return Boolean(storedHash) && matches;
}
