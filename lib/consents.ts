// The versions a user agrees to today; a new version here lets a later change ask again.
export const CONSENT_VERSIONS = {
  TERMS: "2026-11-01",
  PRIVACY: "2026-11-01",
  MARKETING: "2026-11-01",
} as const;
