// Length bounds of a new password, for the schemas and for the sign-up field's own `minLength`.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// zxcvbn's 3: "safely unguessable" against online attacks, and slow to crack offline with argon2id.
// Kept apart from password-strength.ts and the schemas so pages can read these without loading
// zxcvbn's word lists or zod.
export const MIN_PASSWORD_SCORE = 3;
