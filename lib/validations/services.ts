import { z } from "zod";

// A service's name: a path segment of the gateway, a token's audience and an introspection client id.
export const SERVICE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

// /api/services/<name>/<path…>: the path goes to the service segment by segment, so "." and ".."
// are refused here rather than resolved against the service's base URL, where they could climb out
// of its prefix.
export const serviceCallParamsSchema = z.object({
  name: z.string().regex(SERVICE_NAME),
  path: z
    .array(
      z
        .string()
        .min(1)
        .max(256)
        .refine((segment) => segment !== "." && segment !== ".."),
    )
    .min(1)
    .max(32),
});
