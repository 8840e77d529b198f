// The example resource server (examples/ai-pipeline, FastAPI on Debian's Python) as the test stack and
// the tests run it: one process per mode, on a port of its own, stopped by its pid.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Writable } from "node:stream";

export const PYTHON = "/usr/bin/python3";
const EXAMPLE_DIR = path.join(process.cwd(), "examples", "ai-pipeline");

export interface AiPipeline {
  url: string;
  child: ChildProcess;
}

// `env` holds the service's settings (examples/ai-pipeline/README.md): AI_MODE, TROPICAL_ISSUER…
export async function startAiPipeline(port: number, env: Record<string, string>, log?: Writable): Promise<AiPipeline> {
  // Only what the service needs: none of the app's secrets reach it.
  const childEnv: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH ?? "", PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1", HOST: "127.0.0.1", PORT: String(port), ...env };
  const child = spawn(PYTHON, ["-m", "ai_pipeline"], {
    cwd: EXAMPLE_DIR,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  if (log) {
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`the ai-pipeline example did not start on ${url}: ${printed.trim() || "no output"}`);
}
