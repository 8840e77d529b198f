import Link from "next/link";
import type { ReactNode } from "react";
import { Highlighted } from "@/components/search/highlighted";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { addDays, formatDate, instantToZoned, toDateString } from "@/lib/planner/dates";
import { excerptParts, matchParts } from "@/lib/planner/search-pattern";
import type { SearchResults as Results } from "@/lib/planner/search";
import type { BucketItemDto, EventDto, TodoDto } from "@/lib/planner/types";

type Texts = Sections<"planner" | "search">;

// The calendar opens on the day an event starts where the reader is; an all-day event is on its own
// dates everywhere.
function eventDate(event: EventDto, timeZone: string): string {
  const startsAt = new Date(event.startsAt);
  return event.allDay ? toDateString(startsAt) : instantToZoned(startsAt, timeZone).date;
}

function eventWhen(event: EventDto, t: Texts, locale: string, timeZone: string): string {
  if (event.allDay) {
    const first = toDateString(new Date(event.startsAt));
    const last = addDays(toDateString(new Date(event.endsAt)), -1);
    const dates = first === last ? formatDate(first, locale, { dateStyle: "medium" }) : `${formatDate(first, locale, { dateStyle: "medium" })} – ${formatDate(last, locale, { dateStyle: "medium" })}`;
    return `${dates} · ${t.planner.allDay}`;
  }
  // Times as the calendar writes them (24-hour), on the reader's wall clock.
  const start = instantToZoned(new Date(event.startsAt), timeZone);
  const end = instantToZoned(new Date(event.endsAt), timeZone);
  const day = (date: string) => formatDate(date, locale, { dateStyle: "medium" });
  return start.date === end.date ? `${day(start.date)} ${start.time}–${end.time}` : `${day(start.date)} ${start.time} – ${day(end.date)} ${end.time}`;
}

function Group({ id, title, count, children }: { id: string; title: string; count: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-bold text-slate-900">
        {title} <span className="text-sm font-normal text-slate-700">{count}</span>
      </h2>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">{children}</ul>
    </section>
  );
}

function Result({ href, title, query, details, text }: { href: string; title: string; query: string; details: string[]; text?: string | null }) {
  const excerpt = text ? excerptParts(text, query) : [];
  return (
    <li>
      <Link href={href} className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50">
        <span className="block font-semibold text-slate-900">
          <Highlighted parts={matchParts(title, query)} />
        </span>
        {details.length ? <span className="block text-sm text-slate-700">{details.join(" · ")}</span> : null}
        {excerpt.some((part) => part.matched) ? (
          <span className="mt-1 block text-sm break-words text-slate-700">
            <Highlighted parts={excerpt} />
          </span>
        ) : null}
      </Link>
    </li>
  );
}

export function SearchResults({ results, query, t, locale, timeZone }: { results: Results; query: string; t: Texts; locale: string; timeZone: string }) {
  const count = (items: unknown[]) => format(t.search.count, { count: items.length });
  const dueOn = (todo: TodoDto) => (todo.dueOn ? [`${t.planner.dueOn} ${formatDate(todo.dueOn, locale, { dateStyle: "medium" })}`] : []);
  const bucketDetails = (item: BucketItemDto) => [
    t.planner.categories[item.category],
    ...(item.achievedOn ? [format(t.planner.achievedOn, { date: formatDate(item.achievedOn, locale, { dateStyle: "medium" }) })] : []),
  ];
  return (
    <div className="space-y-6">
      {results.events.length ? (
        <Group id="search-events" title={t.search.events} count={count(results.events)}>
          {results.events.map((event) => (
            <Result
              key={event.id}
              href={`/dashboard?date=${eventDate(event, timeZone)}`}
              title={event.title}
              query={query}
              details={[eventWhen(event, t, locale, timeZone)]}
              text={event.description}
            />
          ))}
        </Group>
      ) : null}
      {results.todos.length ? (
        <Group id="search-todos" title={t.search.todos} count={count(results.todos)}>
          {results.todos.map((todo) => (
            <Result key={todo.id} href="/dashboard/todo" title={todo.title} query={query} details={[...dueOn(todo), ...(todo.completed ? [t.search.completed] : [])]} />
          ))}
        </Group>
      ) : null}
      {results.bucket.length ? (
        <Group id="search-bucket" title={t.search.bucket} count={count(results.bucket)}>
          {results.bucket.map((item) => (
            <Result key={item.id} href="/dashboard/bucket" title={item.title} query={query} details={bucketDetails(item)} text={item.description} />
          ))}
        </Group>
      ) : null}
    </div>
  );
}
