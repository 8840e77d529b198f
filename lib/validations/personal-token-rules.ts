// What a personal access token may be given (lib/auth/personal-tokens.ts). No zod here: the settings
// panel offers the same choices the API checks.
export const PERSONAL_TOKEN_SCOPES = ["planner:read", "planner:write"] as const;
export type PersonalTokenScope = (typeof PERSONAL_TOKEN_SCOPES)[number];

// The lifetimes offered; a year is the longest a token may live.
export const PERSONAL_TOKEN_DAYS = [7, 30, 90, 365] as const;

export const PERSONAL_TOKEN_NAME_MAX = 60;
