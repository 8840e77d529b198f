"use client";

// A row of toggle buttons of which one is pressed: view switches and filters.
export function SegmentedControl<Option extends string>({
  label,
  options,
  value,
  labels,
  onChange,
}: {
  label: string;
  options: readonly Option[];
  value: Option;
  labels: Record<Option, string>;
  onChange: (option: Option) => void;
}) {
  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded-lg border border-slate-300 bg-white">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className={`px-3 py-2 text-sm font-semibold ${value === option ? "bg-teal-700 text-white" : "hover:bg-slate-100"}`}
        >
          {labels[option]}
        </button>
      ))}
    </div>
  );
}
