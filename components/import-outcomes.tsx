import Link from "next/link";
import type { ImportOutcome } from "@/lib/domain/article-import.ts";

const STYLE = {
  imported: { label: "Imported", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  duplicate: { label: "Already there", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  failed: { label: "Not imported", className: "bg-red-50 text-red-800 ring-red-200" },
} as const;

/** What happened to each file of a batch, with a way to the article where there is one. */
export function ImportOutcomes({ outcomes, slug }: { outcomes: ImportOutcome[]; slug: string }) {
  if (outcomes.length === 0) return null;
  return (
    <ul aria-label="Import results" className="space-y-2">
      {outcomes.map((o, i) => (
        <li
          key={`${o.name}-${i}`}
          className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-200"
        >
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[o.status].className}`}>
            {STYLE[o.status].label}
          </span>
          <span className="min-w-0 flex-1">
            {o.status === "failed" ? (
              <span className="text-red-800">{o.error}</span>
            ) : (
              <>
                <span className="text-slate-500">{o.name}: </span>
                <Link href={`/investigations/${slug}/articles/${o.articleId}`} className="font-medium text-indigo-700 hover:underline">
                  {o.title}
                </Link>
                {o.status === "duplicate" && <span className="text-slate-500"> (the same text is already in this investigation)</span>}
                {o.status === "imported" &&
                  o.warnings.map((w) => (
                    <span key={w} className="block text-xs text-amber-800">
                      {w}
                    </span>
                  ))}
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
