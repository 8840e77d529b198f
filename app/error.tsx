"use client";

// Client-side: no dictionary access, so both languages are shown. The error itself is never rendered.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-24 text-center">
      <h1 className="text-xl font-bold">문제가 발생했습니다 · Something went wrong</h1>
      <button onClick={reset} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white">
        다시 시도 · Try again
      </button>
    </main>
  );
}
