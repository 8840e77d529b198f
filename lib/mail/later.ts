import "server-only";
import { after } from "next/server";

// Mail goes out after the response, so an existing and an unknown address answer in the same time.
export function sendLater(task: () => Promise<unknown>): void {
  after(() =>
    task().catch((error: unknown) => console.error(JSON.stringify({ level: "error", msg: "background mail task failed", error: String(error) }))),
  );
}
