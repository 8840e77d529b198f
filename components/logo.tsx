// A palm leaf over a calendar page; drawn inline so it looks the same without an emoji font.
export function Logo({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-2 text-xl font-extrabold text-teal-800">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect x="4" y="8" width="24" height="20" rx="4" fill="#0f766e" />
        <rect x="4" y="8" width="24" height="6" rx="3" fill="#115e59" />
        <path d="M16 24c0-6 1-9 4-12M16 13c-3-4-8-4-10-2 3 0 6 1 8 3m2-1c2-4 7-5 10-3-3 0-6 1-8 4" stroke="#fef3c7" strokeWidth="2" fill="none" strokeLinecap="round" />
      </svg>
      {label}
    </span>
  );
}
