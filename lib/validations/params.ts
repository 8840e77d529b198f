import { z } from "zod";
import { passkeyIdSchema } from "@/lib/validations/strong-auth";

// A malformed id is as unknown as someone else's: the route answers 404 for both.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const idParams = z.object({ id: z.string().regex(UUID) });
export const passkeyParams = z.object({ id: passkeyIdSchema });
