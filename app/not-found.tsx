import Link from "next/link";
import { getDictionary } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getDictionary();
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-5xl font-extrabold text-teal-800">404</p>
      <h1 className="text-xl font-bold">{t.errors.notFound}</h1>
      <Link href="/" className="font-semibold text-teal-800 underline">
        {t.common.home}
      </Link>
    </main>
  );
}
