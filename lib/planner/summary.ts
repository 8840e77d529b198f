import type { BucketItemDto, BucketSummary } from "@/lib/planner/types";

// Achieved / total, overall and per category: the API's summary, and the page's after each change.
export function summarizeBucket(items: BucketItemDto[]): BucketSummary {
  const byCategory: BucketSummary["byCategory"] = {};
  for (const item of items) {
    const entry = (byCategory[item.category] ??= { total: 0, achieved: 0 });
    entry.total++;
    if (item.achieved) entry.achieved++;
  }
  return { total: items.length, achieved: items.filter((item) => item.achieved).length, byCategory };
}
