import { json, route } from "@/lib/http/route";

// Liveness only: answers while the process serves requests, without touching the database.
export const GET = route({ auth: "none" }, () => json({ status: "ok" }));
