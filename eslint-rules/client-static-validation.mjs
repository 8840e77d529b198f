// "use client" files never import zod or lib/validations/* statically: the schemas would ship in
// the page's first script. A client file loads them with import() when it needs them (lazySchema in
// components/ui/use-submit.ts). Type-only imports are erased, so they pass; `allow` names the
// lib/validations modules that hold no zod (checked by the config, see eslint.config.mjs).
import path from "node:path";
import { fileURLToPath } from "node:url";

// This folder sits at the project root, which "@/" names (tsconfig.json's paths).
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function isClientFile(program) {
  for (const statement of program.body) {
    if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") return false;
    if (statement.directive === "use client") return true;
  }
  return false;
}

// The module an import names, as a path from the project root without extension, or the package name.
function moduleId(source, filename) {
  if (source.startsWith("@/")) return source.slice(2);
  if (source.startsWith("."))
    return path
      .relative(ROOT, path.resolve(path.dirname(filename), source))
      .split(path.sep)
      .join("/");
  return source;
}

const stripExtension = (id) => id.replace(/\.(?:[cm]?[jt]sx?)$/, "").replace(/\/index$/, "");

const rule = {
  meta: {
    type: "problem",
    docs: { description: 'Forbid static imports of zod and lib/validations/* in "use client" files' },
    schema: [{ type: "object", properties: { allow: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      forbidden:
        '"use client" file imports {{source}} statically, which puts zod in the page\'s first script. Load it with import() when it is needed (see lazySchema in components/ui/use-submit.ts).',
    },
  },
  create(context) {
    const allowed = new Set((context.options[0]?.allow ?? []).map((source) => stripExtension(moduleId(source, context.filename))));
    let client = false;
    function check(node) {
      if (!client || !node.source) return;
      // Erased by the compiler: `import type …`, `export type … from`, and imports whose every name is a type.
      if (node.importKind === "type" || node.exportKind === "type") return;
      if (node.type === "ImportDeclaration" && node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")) return;
      const id = stripExtension(moduleId(String(node.source.value), context.filename));
      const forbidden = id === "zod" || id.startsWith("zod/") || id === "lib/validations" || id.startsWith("lib/validations/");
      if (forbidden && !allowed.has(id)) context.report({ node: node.source, messageId: "forbidden", data: { source: String(node.source.value) } });
    }
    return {
      Program(program) {
        client = isClientFile(program);
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default rule;
