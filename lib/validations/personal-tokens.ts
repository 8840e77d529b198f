import { z } from "zod";
import { PERSONAL_TOKEN_SCOPES } from "@/lib/auth/api-credentials";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

const message = (key: ValidationMessageKey) => ({ error: key });

// The lifetimes settings offers; a year is the longest a token may live.
export const PERSONAL_TOKEN_DAYS = [7, 30, 90, 365] as const;

export const personalTokenCreateSchema = z.strictObject({
  name: z.string(message("tokenNameRequired")).trim().min(1, message("tokenNameRequired")).max(60, message("tokenNameTooLong")),
  scopes: z
    .array(z.enum(PERSONAL_TOKEN_SCOPES, message("invalidValue")), message("tokenScopesRequired"))
    .min(1, message("tokenScopesRequired"))
    .max(PERSONAL_TOKEN_SCOPES.length, message("invalidValue"))
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z.literal(PERSONAL_TOKEN_DAYS, message("invalidValue")),
});
