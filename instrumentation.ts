// Runs once when a server process starts. The check itself is Node-only, so it is imported only there.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("@/lib/startup");
}
