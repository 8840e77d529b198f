import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

type Transaction = Prisma.TransactionClient;

// A change that reads the owner's list before it writes (the list's cap, the next position) runs
// with the owner's row locked, so that two adds at once, on any instance, take turns instead of both
// counting 499 or both taking the same place. NO KEY UPDATE still lets other rows point at the user.
export async function forOwner<T>(userId: string, change: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => {
    const owner = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
    if (owner.length === 0) throw new ApiError("NOT_FOUND");
    return change(tx);
  });
}

// One owner-scoped statement: an id that is not the caller's is the same 404 as one that does not exist.
export async function ownedOrNotFound<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new ApiError("NOT_FOUND");
    throw error;
  }
}
