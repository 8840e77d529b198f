import { json, noContent, route } from "@/lib/http/route";
import { deleteBucketItem, updateBucketItem } from "@/lib/planner/bucket";
import { idParams } from "@/lib/validations/params";
import { bucketUpdateSchema } from "@/lib/validations/planner";

export const PATCH = route({ auth: "user", pat: "planner:write", params: idParams, body: bucketUpdateSchema }, async ({ user, params, body }) =>
  json({ item: await updateBucketItem(user.id, params.id, body) }),
);

export const DELETE = route({ auth: "user", pat: "planner:write", params: idParams }, async ({ user, params }) => {
  await deleteBucketItem(user.id, params.id);
  return noContent();
});
