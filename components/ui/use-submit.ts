"use client";
import { useState } from "react";
import type { z } from "zod";
import { api, NetworkError, type ApiResult } from "@/lib/client/api";
import { errorMessage, type ErrorMessages } from "@/lib/client/error-message";
import type { Sections } from "@/lib/i18n/dictionaries";
import { fieldErrors } from "@/lib/validations/field-errors";

export interface LazySchema {
  load: () => Promise<z.ZodType>;
  // For a form's first focus, so the schema is there by the time it is sent.
  warm: () => void;
}

// A form's schema, fetched with its module on first use: zod was a third of the login page's
// script, and nothing needs it before the form is sent. A failed fetch is tried again next time.
export function lazySchema(load: () => Promise<z.ZodType>): LazySchema {
  let loading: Promise<z.ZodType> | undefined;
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return { load: once, warm: () => void once().catch(() => {}) };
}

export interface Submission {
  json?: unknown;
  // The API's own schema, checked first so that every field error shows at once without a round
  // trip. Without one, or when it fails to load, the server's check alone answers.
  schema?: LazySchema;
  // The form's own wording for some refusals (errorMessage in lib/client/error-message.ts).
  messages?: ErrorMessages;
  method?: "POST" | "PATCH" | "DELETE";
}

// A form's submit state: busy flag, per-field errors and one form-level message, for every form that
// sends one request and shows the answer. What the user typed lives in the form's own state and is
// never cleared by an error.
export function useSubmit(t: Sections<"apiErrors" | "common" | "validation">) {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit<T>(path: string, { json, schema, messages = {}, method = "POST" }: Submission = {}): Promise<ApiResult<T> | null> {
    setMessage(null);
    setBusy(true);
    try {
      const checked = (await schema?.load().catch(() => null))?.safeParse(json);
      if (checked && !checked.success) {
        setFields(fieldErrors(checked.error, t.validation));
        return null;
      }
      setFields({});
      const result = await api<T>(path, { method, json });
      if (!result.ok) {
        setFields(result.fields);
        // Field errors show beside their fields; only a refusal without one needs a message.
        if (result.code !== "INVALID_INPUT" || Object.keys(result.fields).length === 0) setMessage(errorMessage(t, result, messages));
      }
      return result;
    } catch (error) {
      setMessage(error instanceof NetworkError ? t.common.networkError : t.common.genericError);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, fields, setFields, message, setMessage, submit };
}
