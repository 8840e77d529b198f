import { z } from "zod";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";
import { PERSONAL_TOKEN_DAYS, PERSONAL_TOKEN_NAME_MAX, PERSONAL_TOKEN_SCOPES } from "@/lib/validations/personal-token-rules";

const message = (key: ValidationMessageKey) => ({ error: key });

export const personalTokenCreateSchema = z.strictObject({
  name: z.string(message("tokenNameRequired")).trim().min(1, message("tokenNameRequired")).max(PERSONAL_TOKEN_NAME_MAX, message("tokenNameTooLong")),
  scopes: z
    .array(z.enum(PERSONAL_TOKEN_SCOPES, message("invalidValue")), message("tokenScopesRequired"))
    .min(1, message("tokenScopesRequired"))
    .max(PERSONAL_TOKEN_SCOPES.length, message("invalidValue"))
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z.literal(PERSONAL_TOKEN_DAYS, message("invalidValue")),
});
