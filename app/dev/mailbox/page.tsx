import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isMailboxEnabled, listCaughtMail } from "@/lib/mail/mailbox";

export const metadata: Metadata = { robots: { index: false } };
export const dynamic = "force-dynamic";

const URL_PATTERN = /(https?:\/\/[^\s]+)/;

// Development only: the mail the local SMTP catcher received, newest first, links clickable.
export default async function DevMailboxPage() {
  if (!isMailboxEnabled()) notFound();
  const mails = await listCaughtMail();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-8">
      <h1 className="text-2xl font-bold">Dev mailbox · 개발용 메일함</h1>
      <p className="text-sm text-slate-600">Mail sent by this development server never leaves the machine; it lands here.</p>
      {mails.length === 0 ? <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">No mail yet.</p> : null}
      {mails.map((mail) => (
        <article key={mail.id} className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{mail.subject}</h2>
          <p className="mb-3 text-xs text-slate-600">
            To {mail.to.join(", ")} · {new Date(mail.receivedAt).toLocaleString()}
          </p>
          <div className="text-sm break-words whitespace-pre-wrap text-slate-800">
            {mail.text.split(URL_PATTERN).map((part, index) =>
              index % 2 === 1 ? (
                <a key={index} href={part} className="font-semibold text-teal-800 underline">
                  {part}
                </a>
              ) : (
                part
              ),
            )}
          </div>
        </article>
      ))}
    </main>
  );
}
