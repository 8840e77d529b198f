// zxcvbn's 3: "safely unguessable" against online attacks, and slow to crack offline with argon2id.
// Kept apart from password-strength.ts so pages can read it without loading zxcvbn's word lists.
export const MIN_PASSWORD_SCORE = 3;
