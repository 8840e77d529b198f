import { z } from "zod";
import { SecurityEventType } from "@/lib/generated/prisma/enums";
import { emailSchema } from "@/lib/validations/auth";

const page = z.coerce.number({ error: "invalidValue" }).int("invalidValue").min(1, "invalidValue").max(10_000, "invalidValue").default(1);

export const eventFilterSchema = z.object({
  type: z.enum(SecurityEventType, { error: "invalidValue" }).optional(),
  email: z.string({ error: "invalidValue" }).trim().toLowerCase().max(254, "invalidValue").optional(),
  page,
});

const search = z.string({ error: "invalidValue" }).trim().max(200, "invalidValue").optional();

export const auditFilterSchema = z.object({ q: search, page });
export const userFilterSchema = z.object({ q: search, page });

// Every admin action says why: the audit log keeps the reason with who, what and when.
export const adminActionSchema = z.strictObject({
  email: emailSchema,
  reason: z.string({ error: "reasonRequired" }).trim().min(3, "reasonRequired").max(500, "textTooLong"),
});
