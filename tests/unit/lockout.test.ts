import assert from "node:assert/strict";
import { test } from "node:test";
import { LOCKOUT_POLICY, waitAfterFailures } from "@/lib/auth/lockout-policy";

test("four failures are free, then the wait doubles from 30 s, and from the tenth it is a 15-minute lock", () => {
  assert.deepEqual(
    Array.from({ length: 12 }, (_, index) => waitAfterFailures(index + 1)),
    [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900],
  );
  assert.equal(LOCKOUT_POLICY.lockSeconds, 900);
});
