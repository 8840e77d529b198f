import { cookies } from "next/headers";
import { BucketList } from "@/components/planner/bucket-list";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";
import { listBucketItems } from "@/lib/planner/bucket";
import { DELETING_ITEMS_COOKIE, parseDeletingItems } from "@/lib/planner/deleting-items";

export const generateMetadata = titledMetadata("bucket");

// The list is read with the page, so it arrives drawn rather than as "loading" and a second request.
export default async function BucketPage() {
  const user = await requireCurrentUser("/dashboard/bucket");
  const [{ locale, t }, { items }] = await Promise.all([getDictionary(), listBucketItems(user.id)]);
  const deleting = parseDeletingItems((await cookies()).get(DELETING_ITEMS_COOKIE)?.value);
  const initial = items.filter((item) => !deleting.has(item.id));
  return <BucketList t={sections(t, "apiErrors", "common", "dashboard", "planner", "validation")} locale={locale} initial={initial} />;
}
