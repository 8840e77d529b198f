import type { z } from "zod";
import type { Dictionary } from "@/lib/i18n/dictionaries";

export type ValidationMessageKey = keyof Dictionary["validation"];

function isMessageKey(messages: Dictionary["validation"], value: string): value is ValidationMessageKey {
  return Object.hasOwn(messages, value);
}

// The schemas name their problems by dictionary key, so the API and the forms show the same
// message in the user's language. Problems zod reports itself (a wrong JSON type, an unknown field)
// get a generic one. The server keeps the keys (lib/http/handler.ts words them); a form words them
// at once.
export function fieldProblems(error: z.ZodError, messages: Dictionary["validation"]): Record<string, ValidationMessageKey> {
  const fields: Record<string, ValidationMessageKey> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] = "unknownField";
      continue;
    }
    const field = issue.path.length ? issue.path.join(".") : "body";
    fields[field] ??= isMessageKey(messages, issue.message) ? issue.message : "invalidValue";
  }
  return fields;
}

export function wordedFields(problems: Record<string, ValidationMessageKey>, messages: Dictionary["validation"]): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, messages[key]]));
}

export function fieldErrors(error: z.ZodError, messages: Dictionary["validation"]): Record<string, string> {
  return wordedFields(fieldProblems(error, messages), messages);
}
