import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { BucketItem, Prisma } from "@/lib/generated/prisma/client";
import { todayIn, toDateString } from "@/lib/planner/dates";
import type { BucketItemDto, BucketSummary } from "@/lib/planner/types";
import { summarizeBucket } from "@/lib/planner/summary";
import type { BucketCreateInput, BucketUpdateInput } from "@/lib/validations/planner";

export const MAX_BUCKET_ITEMS = 500;

function toDto(item: BucketItem): BucketItemDto {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    category: item.category,
    targetOn: item.targetOn ? toDateString(item.targetOn) : null,
    achieved: item.achievedOn !== null,
    achievedOn: item.achievedOn ? toDateString(item.achievedOn) : null,
    achievedNote: item.achievedNote,
    createdAt: item.createdAt.toISOString(),
  };
}

export async function listBucketItems(userId: string): Promise<{ items: BucketItemDto[]; summary: BucketSummary }> {
  const items = (await getDb().bucketItem.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_BUCKET_ITEMS })).map(toDto);
  return { items, summary: summarizeBucket(items) };
}

export async function createBucketItem(userId: string, input: BucketCreateInput): Promise<BucketItemDto> {
  const db = getDb();
  if ((await db.bucketItem.count({ where: { userId } })) >= MAX_BUCKET_ITEMS) throw new ApiError("LIMIT_REACHED");
  return toDto(await db.bucketItem.create({ data: { ...input, userId } }));
}

export async function updateBucketItem(userId: string, id: string, input: BucketUpdateInput): Promise<BucketItemDto> {
  const { achieved, ...fields } = input;
  const data: Prisma.BucketItemUpdateManyMutationInput = { ...fields };
  if (achieved === false) {
    data.achievedOn = null;
    data.achievedNote = null;
  } else if (achieved === true && !fields.achievedOn) {
    // Achieved today, in the user's own calendar.
    const user = await getDb().user.findUnique({ where: { id: userId }, select: { timeZone: true } });
    data.achievedOn = new Date(`${todayIn(user?.timeZone)}T00:00:00Z`);
  }
  const db = getDb();
  const updated = await db.bucketItem.updateMany({ where: { id, userId }, data });
  if (updated.count === 0) throw new ApiError("NOT_FOUND");
  const item = await db.bucketItem.findFirst({ where: { id, userId } });
  if (!item) throw new ApiError("NOT_FOUND");
  return toDto(item);
}

export async function deleteBucketItem(userId: string, id: string): Promise<void> {
  const deleted = await getDb().bucketItem.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
}
