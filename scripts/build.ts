// `npm run build`: the Prisma client, the Next.js production build, and what a container image
// ships beside it. `output: "standalone"` leaves the server in .next/standalone without the static
// files it serves; they are copied in here, and the migration runner is bundled into one file with
// its dependencies, so the image needs neither node_modules nor tsx to serve or to migrate.
import { spawnSync } from "node:child_process";
import { cp } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");

function step(label: string, args: string[]): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step("Prisma client", ["--import", "tsx", "scripts/generate.ts"]);
step("Next.js build", [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);

await cp(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
await cp(path.join(root, "prisma", "migrations"), path.join(standalone, "prisma", "migrations"), { recursive: true });
await build({
  entryPoints: [path.join(root, "scripts", "migrate.ts")],
  outfile: path.join(standalone, "migrate.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // pg's optional native binding is never used.
  external: ["pg-native"],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: "warning",
});
console.log("standalone server in .next/standalone (node server.js; node migrate.mjs for the release step)");
