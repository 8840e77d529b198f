import "server-only";
import { after } from "next/server";
import { log } from "@/lib/log";

// Mail goes out after the response, so an existing and an unknown address answer in the same time.
export function sendLater(task: () => Promise<unknown>): void {
  after(() => task().catch((error: unknown) => log("error", "background mail task failed", { error: String(error) })));
}
