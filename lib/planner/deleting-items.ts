// A deleted event, todo or bucket item is hidden at once but deleted on the server only when its undo
// toast closes or the page is left (components/planner/use-undoable-delete.ts). Leaving sends that
// deletion while the next page is already being drawn, and that page would read the item back from
// the database. So until its deletion has answered, the page names the item in this cookie, and the
// pages leave it out. Ids are UUIDs, unique across the three tables, so one cookie serves them all.
// Only ever a hint about the user's own lists: the server hides, never deletes, by it.
export const DELETING_ITEMS_COOKIE = "deleting-items";

// Long enough for a deletion sent on leaving to land; a deletion that failed shows again after it.
const MAX_AGE_SECONDS = 60;
const MAX_IDS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The ids a cookie value names; anything else in it is dropped.
export function parseDeletingItems(value: string | undefined): Set<string> {
  return new Set(
    (value ?? "")
      .split(".")
      .filter((id) => UUID.test(id))
      .slice(0, MAX_IDS),
  );
}

// The Set-Cookie text for `document.cookie`: the ids, or their removal once there are none.
export function deletingItemsCookie(ids: ReadonlySet<string>, secure: boolean): string {
  const attributes = `path=/; samesite=lax${secure ? "; secure" : ""}`;
  return ids.size ? `${DELETING_ITEMS_COOKIE}=${[...ids].slice(0, MAX_IDS).join(".")}; max-age=${MAX_AGE_SECONDS}; ${attributes}` : `${DELETING_ITEMS_COOKIE}=; max-age=0; ${attributes}`;
}
