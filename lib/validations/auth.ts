import { z } from "zod";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/password-rules";

// Shared by the route handlers and the forms; messages are dictionary keys (see field-errors.ts).
const message = (key: ValidationMessageKey) => ({ error: key });

export const emailSchema = z
  .string(message("emailRequired"))
  .trim()
  .toLowerCase()
  .min(1, message("emailRequired"))
  .max(254, message("emailTooLong"))
  .pipe(z.email(message("emailInvalid")));

export const newPasswordSchema = z.string(message("passwordRequired")).min(PASSWORD_MIN, message("passwordTooShort")).max(PASSWORD_MAX, message("passwordTooLong"));

export const nicknameSchema = z
  .string(message("nicknameRequired"))
  .trim()
  .min(1, message("nicknameRequired"))
  .max(30, message("nicknameTooLong"))
  .regex(/^[^<>\p{Cc}]+$/u, message("nicknameCharacters"));

// What a user may change about themselves; the address and role are not among it.
export const profileUpdateSchema = z.strictObject({ nickname: nicknameSchema });

export const consentsSchema = z.strictObject({
  terms: z.literal(true, message("termsRequired")),
  privacy: z.literal(true, message("privacyRequired")),
  marketing: z.boolean(message("invalidValue")).optional(),
});

// Settings and the "terms have changed" page: marketing either way; terms and privacy only given.
export const consentChangeSchema = z
  .strictObject({
    terms: z.literal(true, message("termsRequired")).optional(),
    privacy: z.literal(true, message("privacyRequired")).optional(),
    marketing: z.boolean(message("invalidValue")).optional(),
  })
  .refine((input) => input.terms !== undefined || input.privacy !== undefined || input.marketing !== undefined, { message: "invalidValue", path: ["marketing"] });

export const signupSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  nickname: nicknameSchema,
  consents: consentsSchema,
});

// Login checks no password rule but size: old passwords stay valid when the rules change.
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z
    .string(message("passwordRequired"))
    .min(1, message("passwordRequired"))
    .max(PASSWORD_MAX * 4, message("passwordTooLong")),
});

export const resendSchema = z.strictObject({ email: emailSchema });

export const emailChangeSchema = z.strictObject({ email: emailSchema });

export type SignupInput = z.infer<typeof signupSchema>;
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

const resetTokenSchema = z.string(message("invalidValue")).min(1, message("invalidValue")).max(4096, message("invalidValue"));

export const resetPasswordSchema = z.strictObject({
  token: resetTokenSchema,
  password: newPasswordSchema,
  // Recent ways in to remove in the same step (ids from the review: "passkey:…", "provider:…", "totp").
  removeFactors: z
    .array(z.string(message("invalidValue")).max(1100, message("invalidValue")))
    .max(50, message("invalidValue"))
    .optional(),
});

export const resetReviewSchema = z.strictObject({ token: resetTokenSchema });

// The token of a mailed link, posted by its confirmation page. Any string: a bad one is answered
// with the page that explains it, not with a field error the user cannot see.
export const mailedLinkSchema = z.strictObject({ token: z.string().max(4096) });

export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string(message("passwordRequired"))
    .min(1, message("passwordRequired"))
    .max(PASSWORD_MAX * 4, message("passwordTooLong")),
  newPassword: newPasswordSchema,
});

// A first password for an account without one: the recent proof stands for the current password.
export const setPasswordSchema = z.strictObject({ newPassword: newPasswordSchema });
