import type { TextPart } from "@/lib/planner/search-pattern";

export function Highlighted({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) =>
    part.matched ? (
      <mark key={index} className="rounded-sm bg-amber-200 text-slate-900">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
