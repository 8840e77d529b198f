import type { z } from "zod";
import type { Dictionary } from "@/lib/i18n/dictionaries";

export type ValidationMessageKey = keyof Dictionary["validation"];

// The schemas name their problems by dictionary key, so the API and the forms show the same
// message in the user's language. Problems zod reports itself (a wrong JSON type, an unknown field)
// get a generic message.
export function fieldErrors(error: z.ZodError, messages: Dictionary["validation"]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] = messages.unknownField;
      continue;
    }
    const field = issue.path.length ? issue.path.join(".") : "body";
    const message = Object.hasOwn(messages, issue.message) ? messages[issue.message as ValidationMessageKey] : messages.invalidValue;
    fields[field] ??= message;
  }
  return fields;
}
