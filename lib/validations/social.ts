import { z } from "zod";
import { consentsSchema, emailSchema, nicknameSchema } from "@/lib/validations/auth";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

const message = (key: ValidationMessageKey) => ({ error: key });

export const onboardingSchema = z.strictObject({ nickname: nicknameSchema, consents: consentsSchema });
export type OnboardingInput = z.infer<typeof onboardingSchema>;

export const emailCodeRequestSchema = z.strictObject({ email: emailSchema });

export const emailCodeSchema = z.strictObject({
  code: z
    .string(message("codeFormat"))
    .trim()
    .regex(/^\d{6}$/, message("codeFormat")),
});

// Without a password, the proof is the code already entered for the account's address.
export const linkAccountSchema = z.strictObject({
  password: z.string(message("passwordRequired")).min(1, message("passwordRequired")).max(512, message("passwordTooLong")).optional(),
});

// Starting a provider sign-in (or connecting one): next-auth's CSRF token and where to land afterwards.
export const oauthStartSchema = z.strictObject({
  csrfToken: z.string(message("invalidValue")).min(1, message("invalidValue")).max(512, message("invalidValue")),
  next: z.string(message("invalidValue")).max(2048, message("invalidValue")).optional(),
});
export type OAuthStartInput = z.infer<typeof oauthStartSchema>;
