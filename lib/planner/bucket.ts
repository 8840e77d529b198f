import "server-only";
import { getDb } from "@/lib/db";
import { forOwner, ownedOrNotFound } from "@/lib/planner/owned";
import { ApiError } from "@/lib/errors";
import type { BucketItem, Prisma } from "@/lib/generated/prisma/client";
import { todayIn, toDateString } from "@/lib/planner/dates";
import type { BucketItemDto, BucketSummary } from "@/lib/planner/types";
import { summarizeBucket } from "@/lib/planner/summary";
import type { BucketCreateInput, BucketUpdateInput } from "@/lib/validations/planner";

export const MAX_BUCKET_ITEMS = 500;

export function toDto(item: BucketItem): BucketItemDto {
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
  const item = await forOwner(userId, async (tx) => {
    if ((await tx.bucketItem.count({ where: { userId } })) >= MAX_BUCKET_ITEMS) throw new ApiError("LIMIT_REACHED");
    return tx.bucketItem.create({ data: { ...input, userId } });
  });
  return toDto(item);
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
  return toDto(await ownedOrNotFound(getDb().bucketItem.update({ where: { id, userId }, data })));
}

export async function deleteBucketItem(userId: string, id: string): Promise<void> {
  const deleted = await getDb().bucketItem.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
}
