import { getDictionary } from "@/lib/i18n/server";

// A plain link home: next/link here would put its client code in every route's first load (the
// not-found page is part of each route's tree), beside the copy a page that uses it gets anyway.
export default async function NotFound() {
  const { t } = await getDictionary();
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-5xl font-extrabold text-teal-800">404</p>
      <h1 className="text-xl font-bold">{t.errors.notFound}</h1>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full load of the home page is fine from a 404 */}
      <a href="/" className="font-semibold text-teal-800 underline">
        {t.common.home}
      </a>
    </main>
  );
}
