import { json, route } from "@/lib/http/route";
import { createBucketItem, listBucketItems } from "@/lib/planner/bucket";
import { bucketCreateSchema } from "@/lib/validations/planner";

export const GET = route({ auth: "user", pat: "planner:read" }, async ({ user }) => json(await listBucketItems(user.id)));

export const POST = route({ auth: "user", pat: "planner:write", body: bucketCreateSchema }, async ({ user, body }) => json({ item: await createBucketItem(user.id, body) }, 201));
