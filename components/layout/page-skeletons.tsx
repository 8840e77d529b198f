import { Skeleton, SkeletonRegion } from "@/components/ui/skeleton";

// The shapes the signed-in pages show while they load (their loading.tsx): each drawn like the page
// that replaces it, so nothing jumps when it arrives.

// Uneven lengths, as real titles are.
const LINE_WIDTHS = ["w-3/4", "w-1/2", "w-2/3", "w-5/12", "w-7/12"];

const Title = () => <Skeleton className="h-8 w-40" />;

// A weekday's name over a column of the month or the week.
const DayHead = () => (
  <div className="border-b border-slate-200 bg-slate-100 py-2">
    <Skeleton className="mx-auto h-4 w-6" />
  </div>
);

// The calendar's title, its buttons and a month of five weeks (components/planner/calendar-view.tsx).
export function CalendarSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion label={label} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Title />
        <div className="flex gap-2">
          <Skeleton className="h-10 w-32 rounded-lg" />
          <Skeleton className="h-10 w-24 rounded-lg" />
        </div>
      </div>
      <div className="grid grid-cols-7 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {Array.from({ length: 7 }, (_, day) => (
          <DayHead key={`head-${day}`} />
        ))}
        {Array.from({ length: 35 }, (_, day) => (
          <div key={day} className="min-h-20 border-r border-b border-slate-100 p-1 sm:min-h-28">
            <Skeleton className="size-7 rounded-full" />
          </div>
        ))}
      </div>
    </SkeletonRegion>
  );
}

// The week's grid while its code loads, in the calendar itself (components/planner/calendar-view.tsx):
// the days' heads over the grid's height, so the page below it does not jump when it arrives.
export function WeekGridSkeleton({ label }: { label: string }) {
  return (
    <SkeletonRegion label={label} className="grid h-[70vh] grid-cols-7 content-start overflow-hidden rounded-xl border border-slate-200 bg-white">
      {Array.from({ length: 7 }, (_, day) => (
        <DayHead key={day} />
      ))}
    </SkeletonRegion>
  );
}

// A title and rows of a list: the todo list and search results.
export function ListSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <SkeletonRegion label={label} className="flex flex-col gap-4">
      <Title />
      <div className="flex flex-col gap-2">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex items-center gap-3 rounded-xl border border-slate-200 bg-white p-3">
            <Skeleton className="size-5 shrink-0 rounded-full" />
            <Skeleton className={`h-4 ${LINE_WIDTHS[row % LINE_WIDTHS.length]}`} />
          </div>
        ))}
      </div>
    </SkeletonRegion>
  );
}

// A title, a wide card and a grid of cards: the bucket list.
export function CardsSkeleton({ label, cards = 4 }: { label: string; cards?: number }) {
  return (
    <SkeletonRegion label={label} className="flex flex-col gap-5">
      <Title />
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-3 w-full rounded-full" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {Array.from({ length: cards }, (_, card) => (
          <div key={card} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
            <Skeleton className={`h-5 ${LINE_WIDTHS[card % LINE_WIDTHS.length]}`} />
            <Skeleton className="h-4 w-full" />
          </div>
        ))}
      </div>
    </SkeletonRegion>
  );
}
