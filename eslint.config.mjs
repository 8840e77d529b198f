// ESLint for `npm run lint`: Next's core-web-vitals and TypeScript rules. Next 16 no longer lints
// during `next build`, so `npm test` runs this itself.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import tropical from "./eslint-rules/index.mjs";

// What the Edge middleware may reach: modules with no Node built-in, database, argon2 or mailer
// behind them. Each of them may import only the others, jose and next/server, so nothing reaches
// the middleware through them either.
const EDGE_MODULES = [
  "lib/auth/tokens",
  "lib/auth/key-ring",
  "lib/auth/cookies",
  "lib/auth/api-credentials",
  "lib/auth/redirects",
  "lib/auth/security-headers",
  "lib/http/app-origin",
  "lib/errors",
  "lib/i18n/locale",
  "lib/i18n/api-errors",
];
const EDGE_FILES = ["middleware.ts", ...EDGE_MODULES.map((module) => `${module}.ts`)];
const EDGE_IMPORTS = ["next/server", "jose", ...EDGE_MODULES.map((module) => `@/${module}`)];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

// lib/validations modules that hold no zod, so client components may import them.
const ZOD_FREE_VALIDATIONS = ["lib/validations/password-rules.ts", "lib/validations/field-errors.ts", "lib/validations/personal-token-rules.ts"];

export default defineConfig([
  globalIgnores(["lib/generated/**", ".next/**", ".data/**", ".test-data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      // `{ omitted: _, ...rest }` leaves a key out of a copy; a Playwright test names a fixture it needs
      // only for its effect (`signedIn: _`).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: EDGE_FILES,
    rules: {
      // Type-only imports pass: they are erased before anything is bundled.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!(?:${EDGE_IMPORTS.map(escape).join("|")})$)`,
              allowTypeImports: true,
              message: `Edge code (middleware.ts and what it imports) may import only ${EDGE_IMPORTS.join(", ")}: anything else can bring Node, Prisma or argon2 into the Edge bundle. Import these by their @/ path.`,
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression", message: "Edge code loads no module at run time: the bundler would pull it in all the same." },
        { selector: "CallExpression[callee.name='require']", message: "Edge code loads no module with require()." },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { tropical },
    rules: { "tropical/client-static-validation": ["error", { allow: ZOD_FREE_VALIDATIONS.map((file) => `@/${file}`) }] },
  },
  {
    // The exceptions above stay free of zod (and of the modules that hold it), types apart.
    files: ZOD_FREE_VALIDATIONS,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "zod", allowTypeImports: true, message: "Client components import this module, so it must not load zod." }],
          patterns: [{ regex: "^(?:@/lib/validations/|\\./)", allowTypeImports: true, message: "Client components import this module, so it must not load the schemas." }],
        },
      ],
    },
  },
  {
    // Playwright hands each fixture a callback named `use`, which the hooks rule takes for React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
