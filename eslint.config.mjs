// ESLint for `npm run lint`: Next's core-web-vitals and TypeScript rules. Next 16 no longer lints
// during `next build`, so `npm test` runs this itself.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

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
    // Playwright hands each fixture a callback named `use`, which the hooks rule takes for React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
