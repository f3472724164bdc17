import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  label,
  description,
  crumbs = [],
  actions,
}: {
  title: ReactNode;
  /** A short tag beside the heading, not part of it (an entity's kind). */
  label?: ReactNode;
  description?: ReactNode;
  /** The pages above this one; the trail then ends in this page, named by its title. */
  crumbs?: { href: string; label: string }[];
  actions?: ReactNode;
}) {
  const here = typeof title === "string" ? title : null;
  return (
    <div className="mb-6">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
          <ol className="flex min-w-0 items-center gap-1">
            {crumbs.map((c) => (
              <li key={c.href} className="flex shrink-0 items-center gap-1">
                <Link href={c.href} className="rounded hover:text-slate-900 hover:underline">
                  {c.label}
                </Link>
                <span aria-hidden>/</span>
              </li>
            ))}
            {here && (
              <li aria-current="page" className="min-w-0 truncate font-medium text-slate-800">
                {here}
              </li>
            )}
          </ol>
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900">{title}</h1>
            {label}
          </div>
          {description && <div className="mt-1 max-w-3xl text-sm text-slate-600">{description}</div>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
