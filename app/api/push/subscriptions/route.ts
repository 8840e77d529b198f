import { noContent, route } from "@/lib/http/route";
import { deletePushSubscription, savePushSubscription } from "@/lib/push/subscriptions";
import { pushEndpointBodySchema, pushSubscriptionSchema } from "@/lib/validations/push";

// This browser's subscription, as PushSubscription.toJSON() gives it; again with the same endpoint
// replaces its keys.
export const POST = route({ auth: "user", body: pushSubscriptionSchema }, async ({ user, body, meta }) => {
  await savePushSubscription(user.id, body, meta.userAgent);
  return noContent();
});

export const DELETE = route({ auth: "user", body: pushEndpointBodySchema }, async ({ user, body }) => {
  await deletePushSubscription(user.id, body.endpoint);
  return noContent();
});
