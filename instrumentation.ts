// Runs once when a server process starts, before it serves. The checks are Node-only, so they are
// imported only there.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("@/lib/startup")).start();
}
