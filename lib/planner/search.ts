import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toDto as toBucketItemDto } from "@/lib/planner/bucket";
import { toDto as toEventDto } from "@/lib/planner/events";
import { searchPattern } from "@/lib/planner/search-pattern";
import { toDto as toTodoDto } from "@/lib/planner/todos";
import type { BucketItemDto, EventDto, TodoDto } from "@/lib/planner/types";

// Per kind: enough to find the item one means, few enough to read.
export const SEARCH_LIMIT = 20;

export interface SearchResults {
  events: EventDto[];
  todos: TodoDto[];
  bucket: BucketItemDto[];
}

type Kind = keyof SearchResults;

// A column's text in NFC, however it was stored. Most text already is, and checking is cheaper than
// normalising it again.
function nfc(column: "title" | "description"): Prisma.Sql {
  return Prisma.raw(`(CASE WHEN "${column}" IS NFC NORMALIZED THEN "${column}" ELSE normalize("${column}", NFC) END)`);
}

function inOrder<Item extends { id: string }>(items: Item[], ids: string[]): Item[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// The user's own events, todos and bucket items whose title or description contains `query` (see
// searchPattern), case-insensitively and whatever Unicode form the text was stored in. Events come
// nearest to now first (one under way counts as now), todos and bucket items open first, newest first.
// NOTE: the pattern goes to PostgreSQL as a bound parameter and is built only of escaped characters
// and bracket ranges, so it can neither inject SQL nor take regex time beyond linear. Each scan is
// bounded by the user's own rows (the userId indexes); there is no text index to keep up.
export async function searchPlanner(userId: string, query: string): Promise<SearchResults> {
  const db = getDb();
  const pattern = searchPattern(query.normalize("NFC"));
  const rows = await db.$queryRaw<{ kind: Kind; id: string }[]>`
    (SELECT 'events' AS kind, "id" FROM "Event"
      WHERE "userId" = ${userId} AND (${nfc("title")} ~* ${pattern} OR ${nfc("description")} ~* ${pattern})
      ORDER BY GREATEST("startsAt" - now(), now() - "endsAt", interval '0'), "startsAt" DESC, "id" LIMIT ${SEARCH_LIMIT})
    UNION ALL
    (SELECT 'todos', "id" FROM "Todo"
      WHERE "userId" = ${userId} AND ${nfc("title")} ~* ${pattern}
      ORDER BY "completedAt" IS NOT NULL, "createdAt" DESC, "id" LIMIT ${SEARCH_LIMIT})
    UNION ALL
    (SELECT 'bucket', "id" FROM "BucketItem"
      WHERE "userId" = ${userId} AND (${nfc("title")} ~* ${pattern} OR ${nfc("description")} ~* ${pattern})
      ORDER BY "achievedOn" IS NOT NULL, "createdAt" DESC, "id" LIMIT ${SEARCH_LIMIT})`;
  const ids = (kind: Kind) => rows.filter((row) => row.kind === kind).map((row) => row.id);
  const [events, todos, bucket] = await Promise.all([
    db.event.findMany({ where: { userId, id: { in: ids("events") } } }),
    db.todo.findMany({ where: { userId, id: { in: ids("todos") } } }),
    db.bucketItem.findMany({ where: { userId, id: { in: ids("bucket") } } }),
  ]);
  return {
    events: inOrder(
      events.map((row) => toEventDto(row)),
      ids("events"),
    ),
    todos: inOrder(todos.map(toTodoDto), ids("todos")),
    bucket: inOrder(bucket.map(toBucketItemDto), ids("bucket")),
  };
}
