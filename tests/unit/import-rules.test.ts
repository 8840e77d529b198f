// The two architecture rules eslint.config.mjs enforces, run through ESLint's own API on small
// samples: what the Edge middleware may import, and no static zod in "use client" files.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { ESLint } from "eslint";

const root = process.cwd();
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, "eslint.config.mjs") });
const IMPORT_RULES = new Set(["no-restricted-imports", "no-restricted-syntax", "@typescript-eslint/no-restricted-imports", "tropical/client-static-validation"]);

// The import-rule errors ESLint reports for `code` as if it were the file at `file`.
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  assert.ok(result, `ESLint linted ${file}`);
  return result.messages.filter((message) => message.severity === 2 && message.ruleId !== null && IMPORT_RULES.has(message.ruleId)).map((message) => `${message.ruleId}: ${message.message}`);
}

test("middleware.ts importing the database is an error", async () => {
  const errors = await importErrors("middleware.ts", 'import { getDb } from "@/lib/db";\nexport const db = getDb;\n');
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0] ?? "", /^@typescript-eslint\/no-restricted-imports: '@\/lib\/db' import is restricted/);
  // A type-only import brings no code, so it passes; a value import of the same module does not.
  assert.deepEqual(await importErrors("middleware.ts", 'import type { Env } from "@/lib/env";\nexport type Used = Env;\n'), []);
});

test("middleware.ts may import the Edge-safe modules, jose and next/server, as it does today", async () => {
  const allowed = [
    'import { NextResponse } from "next/server";',
    'import { jwtVerify } from "jose";',
    'import { COOKIE } from "@/lib/auth/cookies";',
    'import { safeNextPath } from "@/lib/auth/redirects";',
    'import { pageSecurityHeaders } from "@/lib/auth/security-headers";',
    'import { verifyToken } from "@/lib/auth/tokens";',
    'import { appOrigins } from "@/lib/http/app-origin";',
    'import { ERRORS } from "@/lib/errors";',
    "export const used = [NextResponse, jwtVerify, COOKIE, safeNextPath, pageSecurityHeaders, verifyToken, appOrigins, ERRORS];",
  ].join("\n");
  assert.deepEqual(await importErrors("middleware.ts", allowed), []);
  assert.deepEqual(await importErrors("middleware.ts", await readFile(path.join(root, "middleware.ts"), "utf8")), []);
});

test("what the middleware imports is held to the same list, and loads nothing at run time", async () => {
  assert.equal((await importErrors("lib/auth/tokens.ts", 'import { getDb } from "@/lib/db";\nexport const db = getDb;\n')).length, 1);
  assert.equal((await importErrors("middleware.ts", 'export const load = () => import("@/lib/db");\n')).length, 1);
  // Other modules are not Edge code.
  assert.deepEqual(await importErrors("lib/auth/sessions.ts", 'import { getDb } from "@/lib/db";\nexport const db = getDb;\n'), []);
});

test('a "use client" file importing zod or a schema module statically is an error', async () => {
  for (const source of ["zod", "zod/mini", "@/lib/validations/auth", "../../lib/validations/planner"]) {
    const errors = await importErrors("components/auth/sample-form.tsx", `"use client";\nimport { anything } from "${source}";\nexport const used = anything;\n`);
    assert.equal(errors.length, 1, `${source}: ${errors.join("\n")}`);
    assert.match(errors[0] ?? "", /^tropical\/client-static-validation: "use client" file imports /);
  }
  const reexport = await importErrors("components/ui/sample.ts", `"use client";\nexport { z } from "zod";\n`);
  assert.equal(reexport.length, 1);
});

test('a "use client" file may load schemas lazily, import their types, and use the zod-free rules', async () => {
  const allowed = [
    '"use client";',
    'import type { z } from "zod";',
    'import { type ZodError } from "zod";',
    'import { PASSWORD_MIN } from "@/lib/validations/password-rules";',
    'import { fieldErrors } from "@/lib/validations/field-errors";',
    'export const schema = async () => (await import("@/lib/validations/auth")).loginSchema;',
    "export type Used = z.ZodType | ZodError;",
    "export const used = [PASSWORD_MIN, fieldErrors];",
  ].join("\n");
  assert.deepEqual(await importErrors("components/auth/sample-form.tsx", allowed), []);
  // Without the directive it is server code, where zod belongs.
  assert.deepEqual(await importErrors("lib/auth/sample.ts", 'import { z } from "zod";\nexport const schema = z.string();\n'), []);
});

test("the zod-free validation modules stay free of zod", async () => {
  const errors = await importErrors("lib/validations/password-rules.ts", 'import { z } from "zod";\nexport const rule = z.string();\n');
  assert.equal(errors.length, 1, errors.join("\n"));
});
