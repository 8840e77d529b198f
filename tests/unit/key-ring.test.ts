import assert from "node:assert/strict";
import { test } from "node:test";
import { NEXT_KEY_PUBLISH_SECONDS, parseKeyRing, publicJwks, rotateKeyRing, type KeyRing } from "@/lib/auth/key-ring";

const GRACE = 930;
const rotate = (ring: KeyRing | null, now: number, alg: "ES256" | "EdDSA" = "ES256") => rotateKeyRing(ring, { now, alg, graceSeconds: GRACE });

test("a rotation goes created → prepared → (wait) → promoted → removed, one step per run", async () => {
  const created = await rotate(null, 1000);
  assert.deepEqual(
    created.steps.map((step) => step.kind),
    ["created"],
  );
  const first = created.ring.keys[0]?.kid;
  const prepared = await rotate(created.ring, 2000);
  assert.deepEqual(
    prepared.ring.keys.map((key) => key.status),
    ["current", "next"],
  );
  const early = await rotate(prepared.ring, 2000 + NEXT_KEY_PUBLISH_SECONDS - 1);
  assert.deepEqual(
    early.steps.map((step) => step.kind),
    ["wait"],
  );
  assert.deepEqual(early.ring, prepared.ring, "nothing changes before the next key has been published long enough");
  const promoted = await rotate(prepared.ring, 2000 + NEXT_KEY_PUBLISH_SECONDS);
  const retired = promoted.ring.keys.find((key) => key.kid === first);
  assert.equal(retired?.status, "retired");
  assert.equal(retired?.d, undefined, "a retired key keeps no private part");
  assert.equal(promoted.ring.keys.find((key) => key.status === "current")?.kid, prepared.ring.keys[1]?.kid);
  const stillThere = await rotate(promoted.ring, 2000 + NEXT_KEY_PUBLISH_SECONDS + GRACE - 1);
  assert.ok(
    stillThere.ring.keys.some((key) => key.kid === first),
    "kept while its tokens may be alive",
  );
  const removed = await rotate(promoted.ring, 2000 + NEXT_KEY_PUBLISH_SECONDS + GRACE);
  assert.deepEqual(
    removed.steps.map((step) => step.kind),
    ["removed", "prepared"],
  );
  assert.ok(!removed.ring.keys.some((key) => key.kid === first));
});

test("the JWKS carries public parts of the keys that verify, never d, states or dates", async () => {
  const prepared = (await rotate((await rotate(null, 0, "EdDSA")).ring, 1)).ring;
  const jwks = publicJwks(prepared, 2, GRACE);
  assert.equal(jwks.keys.length, 2);
  for (const key of jwks.keys) assert.deepEqual(Object.keys(key).sort(), key.kty === "EC" ? ["alg", "crv", "kid", "kty", "use", "x", "y"] : ["alg", "crv", "kid", "kty", "use", "x"]);
});

test("malformed rings are refused with the reason and without key material", async () => {
  const ring = (await rotate(null, 0)).ring;
  const [key] = ring.keys as [KeyRing["keys"][number]];
  const cases: [unknown, RegExp][] = [
    [{ keys: [] }, /1 to 10 keys/],
    [{ keys: [{ ...key, alg: "HS256" }] }, /alg must be one of ES256, EdDSA/],
    [{ keys: [{ ...key, alg: "EdDSA" }] }, /alg, kty and crv do not match/],
    [{ keys: [{ ...key, k: "c2VjcmV0" }] }, /unknown member "k"/],
    [{ keys: [key, { ...key }] }, /exactly one current key/],
    [{ keys: [key, { ...key, status: "next" }] }, /kids must be unique/],
    [{ keys: [{ ...key, status: "retired" }] }, /retired_at/],
    [{ keys: [key], extra: true }, /must be \{"keys"/],
  ];
  for (const [value, reason] of cases) {
    assert.throws(
      () => parseKeyRing(JSON.stringify(value)),
      (error: Error) => reason.test(error.message) && !error.message.includes(String(key.d)),
      String(reason),
    );
  }
  assert.throws(() => parseKeyRing("{"), /is not JSON/);
});
