import { z } from "zod";

// A browser's PushSubscription as its toJSON() gives it. The keys are checked for their sizes here
// (a P-256 point, a 16-byte secret), so that a bad one is refused now rather than at the first push;
// which endpoints the app will post to is lib/push/subscriptions.ts's rule.
const base64url = (bytes: number, check: (decoded: Buffer) => boolean = () => true) =>
  z
    .string({ error: "invalidValue" })
    .max(200, { error: "invalidValue" })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: "invalidValue" })
    .refine(
      (value) => {
        const decoded = Buffer.from(value, "base64url");
        return decoded.length === bytes && check(decoded);
      },
      { error: "invalidValue" },
    )
    .transform((value) => value.replace(/=+$/, ""));

export const pushEndpointSchema = z.url({ protocol: /^https?$/, error: "invalidValue" }).max(2048, { error: "invalidValue" });

export const pushSubscriptionSchema = z.object({
  endpoint: pushEndpointSchema,
  expirationTime: z.number({ error: "invalidValue" }).nullish(),
  keys: z.object({
    // Uncompressed: 0x04, then the two coordinates.
    p256dh: base64url(65, (decoded) => decoded[0] === 4),
    auth: base64url(16),
  }),
});

export const pushEndpointBodySchema = z.strictObject({ endpoint: pushEndpointSchema });
