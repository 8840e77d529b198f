import { z } from "zod";
import { MAX_SEARCH_QUERY_LENGTH } from "@/lib/planner/search-pattern";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

const message = (key: ValidationMessageKey) => ({ error: key });

// NFC first, so that a query typed on macOS (Hangul decomposed into jamo) is the same string as one
// typed elsewhere, and so that its length is counted the way it reads. The results page parses its
// own query string with this too, so NUL (which PostgreSQL text cannot hold) is refused here as well.
export const searchQuerySchema = z.object({
  q: z
    .string(message("queryRequired"))
    .normalize("NFC")
    .trim()
    .min(1, message("queryRequired"))
    .max(MAX_SEARCH_QUERY_LENGTH, message("queryTooLong"))
    .refine((value) => !value.includes("\u0000"), message("invalidCharacters")),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;
