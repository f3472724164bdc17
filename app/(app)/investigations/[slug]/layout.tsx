import type { Metadata } from "next";
import Link from "next/link";
import { investigationBySlug, investigationPage } from "@/lib/web/page-context.ts";
import { NavLink } from "@/components/nav-link.tsx";
import { openConflictCount } from "@/lib/server/conflicts.ts";
import { OpenConflictBadge } from "@/components/open-conflict-badge.tsx";

type Params = { params: Promise<{ slug: string }> };

/** Each page below names itself ("Conflicts", "Anthropic · Valuation — Conflicts"); the investigation follows. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const investigation = await investigationBySlug((await params).slug);
  if (!investigation) return { title: "Not found" };
  return { title: { template: `%s — ${investigation.title} · Crosscheck`, default: investigation.title } };
}

export default async function InvestigationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}`);
  const base = `/investigations/${slug}`;
  const open = await openConflictCount(investigation.id);
  return (
    <div>
      <div className="-mt-4 mb-6 flex flex-wrap items-center justify-between gap-x-6 gap-y-1 border-b border-slate-200 pb-2">
        <p className="min-w-0 truncate text-sm text-slate-500">
          <Link href="/investigations" className="rounded hover:text-slate-800 hover:underline">
            Investigations
          </Link>
          <span aria-hidden> / </span>
          <Link href={base} className="rounded font-medium text-slate-800 hover:underline">
            {investigation.title}
          </Link>
        </p>
        {/* Wraps rather than scrolls: on a phone every tab stays in sight, the current one too. */}
        <nav aria-label="Investigation" className="-mx-3 flex flex-wrap gap-1">
          <NavLink href={base}>Overview</NavLink>
          <NavLink href={`${base}/articles`} section>
            Articles
          </NavLink>
          <NavLink href={`${base}/entities`} section>
            Entities
          </NavLink>
          <NavLink href={`${base}/attributes`} section>
            Attributes
          </NavLink>
          <NavLink href={`${base}/conflicts`} section>
            Conflicts
            <OpenConflictBadge investigationId={investigation.id} initial={open} />
          </NavLink>
          <NavLink href={`${base}/factsheet`}>Fact sheet</NavLink>
          <NavLink href={`${base}/members`}>Members</NavLink>
        </nav>
      </div>
      {children}
    </div>
  );
}
