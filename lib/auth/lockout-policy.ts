// Failed password sign-ins for one address: the first four are free; from the fifth on each earns
// a wait that doubles (30 s, 1 min, 2 min, 4 min, 8 min) and from the tenth the address is locked for
// 15 minutes. Failures older than an hour are forgotten. Password reset is never affected.
export const LOCKOUT_POLICY = { freeFailures: 4, firstWaitSeconds: 30, lockAfterFailures: 10, lockSeconds: 15 * 60, forgetAfterSeconds: 60 * 60 } as const;

export function waitAfterFailures(failures: number): number {
  const { freeFailures, firstWaitSeconds, lockAfterFailures, lockSeconds } = LOCKOUT_POLICY;
  if (failures <= freeFailures) return 0;
  if (failures >= lockAfterFailures) return lockSeconds;
  return firstWaitSeconds * 2 ** (failures - freeFailures - 1);
}
