"use client";
import { useState } from "react";
import type { z } from "zod";
import { api, NetworkError, type ApiResult } from "@/lib/client/api";
import { format, type Dictionary } from "@/lib/i18n/dictionaries";
import { fieldErrors } from "@/lib/validations/field-errors";

// Shared submit state for the auth forms: busy flag, per-field errors and one form-level message.
// Input is checked with the API's own schema first, so every field error shows at once without a
// round trip. What the user typed lives in the form's own state and is never cleared by an error.
export function useSubmit(t: Dictionary) {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit<T>(
    path: string,
    schema: z.ZodType,
    json: unknown,
    messages: Record<string, string> = {},
    method: "POST" | "DELETE" = "POST",
  ): Promise<ApiResult<T> | null> {
    setMessage(null);
    const checked = schema.safeParse(json);
    if (!checked.success) {
      setFields(fieldErrors(checked.error, t.validation));
      return null;
    }
    setFields({});
    setBusy(true);
    try {
      const result = await api<T>(path, { method, json });
      if (!result.ok) {
        setFields(result.fields);
        if (result.code === "RATE_LIMITED") setMessage(format(t.common.rateLimited, { seconds: result.retryAfter ?? 60 }));
        else if (messages[result.code]) setMessage(messages[result.code] ?? null);
        else if (result.code !== "INVALID_INPUT") setMessage(t.common.genericError);
      }
      return result;
    } catch (error) {
      setMessage(error instanceof NetworkError ? t.common.networkError : t.common.genericError);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, fields, message, setMessage, submit };
}
