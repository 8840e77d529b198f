import { json, route } from "@/lib/http/route";
import { requirePushKeys } from "@/lib/push/subscriptions";

// The VAPID public key a browser subscribes with (PushManager.subscribe's applicationServerKey);
// 404 while push is not configured.
export const GET = route({ auth: "user" }, async () => json({ publicKey: requirePushKeys().publicKey }));
