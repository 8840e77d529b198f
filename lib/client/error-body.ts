// The API's error body, parsed only when an answer is an error: kept out of api.ts so that pages
// whose requests succeed never download zod (bench/ reports its size and keeps it off first loads).
import { z } from "zod";
import { ERRORS, type ErrorCode } from "@/lib/errors";

// A code this page does not know (a newer server, a proxy's body) reads as UNKNOWN: the generic message.
const code = z.string().transform((value): ErrorCode | "UNKNOWN" => (Object.hasOwn(ERRORS, value) ? (value as ErrorCode) : "UNKNOWN"));

export const errorBodySchema = z.object({
  error: z.object({ code, message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
