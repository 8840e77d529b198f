import type { ReactNode } from "react";

// A grey block where text or a control is about to appear. It pulses only for people who have not
// asked their system for less motion.
export function Skeleton({ className = "" }: { className?: string }) {
  return <span className={`block rounded-md bg-slate-200 motion-safe:animate-pulse ${className}`} />;
}

// What stands in for a part of the page while it loads: busy for assistive technology, which hears
// the label instead of the shapes, which are only a picture of what is coming.
export function SkeletonRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div aria-busy="true" className={className}>
      <p role="status" className="sr-only">
        {label}
      </p>
      <div aria-hidden="true" className="contents">
        {children}
      </div>
    </div>
  );
}
