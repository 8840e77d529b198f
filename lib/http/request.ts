import type { z } from "zod";
import { ApiError } from "@/lib/errors";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { fieldProblems } from "@/lib/validations/field-errors";

// Auth and planner bodies are small; anything larger is refused before it is parsed.
export const MAX_BODY_BYTES = 16 * 1024;

// The body as bytes, refused past `maxBytes` whatever Content-Length claimed.
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError("PAYLOAD_TOO_LARGE");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ApiError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readLimited(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

// PostgreSQL text cannot hold U+0000, so a string carrying one would fail at the database (a 500);
// it is refused here, at the boundary, with the field it was found in.
function fieldWithNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "body" : null;
  if (Array.isArray(value)) return value.reduce<string | null>((found, item, index) => found ?? fieldWithNul(item, [...path, String(index)]), null);
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithNul(key, path) ?? fieldWithNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function refuseNul(value: unknown): void {
  const field = fieldWithNul(value);
  if (field) throw new ApiError("INVALID_INPUT", { [field]: "invalidCharacters" });
}

// Problems stay dictionary keys (every language has the same ones); lib/http/handler.ts words them.
function invalid(error: z.ZodError): ApiError {
  return new ApiError("INVALID_INPUT", fieldProblems(error, DICTIONARIES.en.validation));
}

export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes = MAX_BODY_BYTES): Promise<z.output<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_JSON");
  }
  refuseNul(json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

// A form the browser posts itself (a page that works without its scripts): flat fields, validated
// like a JSON body; repeated keys keep their first value.
export async function parseFormBody<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes = MAX_BODY_BYTES): Promise<z.output<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  const form: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(await readLimited(request, maxBytes))) form[key] ??= value;
  refuseNul(form);
  const parsed = schema.safeParse(form);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

// Query strings are validated like bodies; repeated keys keep their first value.
export async function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const params = new URL(request.url).searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) query[key] ??= value;
  refuseNul(query);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}
