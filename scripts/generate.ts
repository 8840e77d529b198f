// `prisma generate` only reads the schema (through its bundled wasm) but still insists on finding a
// schema-engine binary, which it would download. Offline it cannot, so unless the environment names
// one we point it at a file that exists: generate never executes it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const prismaCli = path.join(process.cwd(), "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
