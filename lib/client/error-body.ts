// The API's error body, parsed only when an answer is an error: kept out of api.ts so that pages
// whose requests succeed never download zod (bench/ reports its size and keeps it off first loads).
import { z } from "zod";

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});
