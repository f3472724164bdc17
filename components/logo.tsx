/** The mark and the name; `compact` keeps only the mark on narrow screens (the name stays for screen readers). */
export function Logo({ className = "", compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg viewBox="0 0 24 24" aria-hidden className="size-6 shrink-0">
        <rect width="24" height="24" rx="6" className="fill-indigo-600" />
        <path d="M6 12.5l3 3 5.5-7" fill="none" stroke="white" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M15 14l4 4m0-4l-4 4" fill="none" stroke="#fca5a5" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className={compact ? "max-sm:sr-only" : ""}>Crosscheck</span>
    </span>
  );
}
