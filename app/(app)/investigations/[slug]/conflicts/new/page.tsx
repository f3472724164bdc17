import type { Metadata } from "next";
import { ManualConflictForm } from "@/components/conflicts/manual-conflict-form.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { searchClaims } from "@/lib/server/claims.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Mark claims as conflicting — Conflicts" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewConflictPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/conflicts/new`);
  if (!hasMemberRole(investigation.role, "analyst")) {
    return (
      <>
        <PageHeader crumbs={[{ href: `/investigations/${slug}/conflicts`, label: "Conflicts" }]} title="Mark claims as conflicting" />
        <p className="text-sm text-slate-700">You are a viewer in this investigation: its analysts, reviewers and leads mark conflicts.</p>
      </>
    );
  }
  const q = typeof query.q === "string" ? query.q : "";
  const picked = [query.claim ?? []].flat().filter(Boolean).slice(0, 20);
  const claims = await searchClaims(investigation.id, q, picked);
  return (
    <>
      <PageHeader
        crumbs={[{ href: `/investigations/${slug}/conflicts`, label: "Conflicts" }]}
        title="Mark claims as conflicting"
        description="For disagreements no rule can see — “offered concessions” against “ordered to comply or face penalties”. Pick two or more claims and say how they disagree; reviewers settle it like any other conflict."
      />
      <ManualConflictForm
        key={`${q}|${picked.join(",")}`}
        investigationId={investigation.id}
        query={q}
        initiallySelected={picked}
        claims={claims}
      />
    </>
  );
}
