import { z } from "zod";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

const message = (key: ValidationMessageKey) => ({ error: key });

export const totpCodeSchema = z
  .string(message("totpWrong"))
  .trim()
  .regex(/^\d{6}$/, message("totpWrong"));
const recoveryCodeSchema = z.string(message("recoveryCodeWrong")).trim().min(20, message("recoveryCodeWrong")).max(40, message("recoveryCodeWrong"));

export const enableTotpSchema = z.strictObject({ code: totpCodeSchema });

// Step-up (lib/auth/step-up.ts): the password, and the second factor when the account has one.
export const passwordProofSchema = z.strictObject({
  password: z.string(message("passwordRequired")).min(1, message("passwordRequired")).max(512, message("passwordTooLong")),
  code: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});

// Before a round trip (a social provider, the company's sign-in) that proves an account without a
// password: its second factor, if any.
export const companyProofSchema = z.strictObject({
  code: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});
export const providerProofSchema = companyProofSchema.extend({
  csrfToken: z.string(message("invalidValue")).min(1, message("invalidValue")).max(512, message("invalidValue")),
});

// One of: the authenticator app's code, a recovery code, or the code mailed for an unrecognised device.
export const secondStepSchema = z
  .strictObject({
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
    emailCode: z
      .string(message("codeFormat"))
      .trim()
      .regex(/^\d{6}$/, message("codeFormat"))
      .optional(),
    trustDevice: z.boolean(message("invalidValue")).optional(),
  })
  .refine((input) => [input.code, input.recoveryCode, input.emailCode].filter((value) => value !== undefined).length === 1, { message: "totpWrong", path: ["code"] });

const base64url = z
  .string(message("invalidValue"))
  .regex(/^[A-Za-z0-9_-]+$/, message("invalidValue"))
  .max(8192, message("invalidValue"));
const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(10);
const attachment = z.enum(["platform", "cross-platform"]).optional();
// The browser's extension outputs are passed through as plain JSON; the library reads what it knows.
const extensionResults = z.record(z.string(), z.unknown());

// The shapes @simplewebauthn/browser produces; the library then checks every signature inside.
export const registrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

export const authenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensionResults,
});

export const passkeyNameSchema = z.string(message("titleRequired")).trim().min(1, message("titleRequired")).max(60, message("titleTooLong"));

export const registerPasskeySchema = z.strictObject({ response: registrationResponseSchema, name: passkeyNameSchema.optional() });
export const passkeyLoginSchema = z.strictObject({ response: authenticationResponseSchema });
export const renamePasskeySchema = z.strictObject({ name: passkeyNameSchema });
export const passkeyIdSchema = base64url.max(1024);
