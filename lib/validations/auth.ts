import { z } from "zod";

// Shared by the route handlers and the forms, so both report the same problems.
export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email({ error: "Enter a valid e-mail address." }));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const nicknameSchema = z
  .string({ error: "Enter a nickname." })
  .trim()
  .min(1, "Enter a nickname.")
  .max(30, "Use at most 30 characters.")
  .regex(/^[^<>\p{Cc}]+$/u, "Use letters, numbers and spaces.");

export const consentsSchema = z.strictObject({
  terms: z.literal(true, { error: "You must accept the terms of service." }),
  privacy: z.literal(true, { error: "You must accept the privacy policy." }),
  marketing: z.boolean({ error: "Must be true or false." }).optional(),
});

export const signupSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  nickname: nicknameSchema,
  consents: consentsSchema,
});

// Login checks no password rule but size: old passwords stay valid when the rules change.
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX * 4),
});

export const resendSchema = z.strictObject({ email: emailSchema });

export type SignupInput = z.infer<typeof signupSchema>;
