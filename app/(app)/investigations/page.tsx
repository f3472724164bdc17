import type { Metadata } from "next";
import Link from "next/link";
import { CreateInvestigationForm } from "@/components/create-investigation-form.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { plural } from "@/lib/domain/format.ts";
import { listInvestigations } from "@/lib/server/investigations.ts";
import { requireActor } from "@/lib/web/session.ts";

export const metadata: Metadata = { title: "Investigations" };

export default async function InvestigationsPage() {
  const actor = await requireActor("/investigations");
  const investigations = await listInvestigations(actor.id);
  return (
    <>
      <PageHeader
        title="Investigations"
        description="Each investigation is one story: its articles, the claims in them, and where they disagree. These are the ones you are a member of."
      />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="list-heading">
          <h2 id="list-heading" className="sr-only">
            Your investigations
          </h2>
          {investigations.length === 0 ? (
            <EmptyState title="No investigations yet">
              You are not a member of any investigation. Create one with the form (you will lead it), or ask an investigation&apos;s lead to
              add you.
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {investigations.map((inv) => (
                <li key={inv.id}>
                  <Link
                    href={`/investigations/${inv.slug}`}
                    className="block rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-indigo-300"
                  >
                    <h3 className="font-semibold text-slate-900">{inv.title}</h3>
                    {inv.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{inv.description}</p>}
                    <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
                      <span>{plural(inv.articleCount, "article")}</span>
                      <span>{plural(inv.claimCount, "claim")}</span>
                      <span className={inv.openConflictCount ? "font-medium text-amber-700" : ""}>
                        {plural(inv.openConflictCount, "open conflict")}
                      </span>
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="create-heading" className="h-fit rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="create-heading" className="mb-4 font-semibold">
            New investigation
          </h2>
          <CreateInvestigationForm />
        </section>
      </div>
    </>
  );
}
