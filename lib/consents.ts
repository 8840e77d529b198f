// The versions a user agrees to today; a new version here lets a later change ask again.
export const CONSENT_VERSIONS = {
  TERMS: "2026-11-01",
  PRIVACY: "2026-11-01",
  MARKETING: "2026-11-01",
} as const;

// The ledger rows of a new account: terms and privacy are required to get this far; marketing is
// the user's choice.
export function initialConsents(marketing: boolean) {
  return [
    { kind: "TERMS" as const, version: CONSENT_VERSIONS.TERMS, granted: true },
    { kind: "PRIVACY" as const, version: CONSENT_VERSIONS.PRIVACY, granted: true },
    { kind: "MARKETING" as const, version: CONSENT_VERSIONS.MARKETING, granted: marketing },
  ];
}
