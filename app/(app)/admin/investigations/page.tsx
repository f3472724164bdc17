import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { EmptyState } from "@/components/empty-state.tsx";
import { JoinInvestigationButton } from "@/components/join-investigation-button.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { formatDay, plural } from "@/lib/domain/format.ts";
import { MEMBER_ROLE_LABELS } from "@/lib/domain/roles.ts";
import { listAllInvestigations } from "@/lib/server/memberships.ts";
import { actorCan, currentActor, requireActor } from "@/lib/web/session.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await currentActor();
  return { title: actor && actorCan(actor, "admin") ? "All investigations" : "Not allowed" };
}

/**
 * Every investigation, for an admin: titles and member counts only. Its contents stay closed
 * until the admin joins it, which its history records.
 */
export default async function AllInvestigationsPage() {
  const actor = await requireActor("/admin/investigations");
  if (!actorCan(actor, "admin")) forbidden();
  const investigations = await listAllInvestigations(actor.id);
  return (
    <>
      <PageHeader
        crumbs={[{ href: "/admin/users", label: "Users" }]}
        title="All investigations"
        description="As an admin you see that these exist, not what is in them. Joining one makes you its lead, and is recorded in its history."
      />
      {investigations.length === 0 ? (
        <EmptyState title="No investigations yet">They appear here as people create them.</EmptyState>
      ) : (
        <ul
          aria-label="All investigations"
          className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        >
          {investigations.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <span className="min-w-0">
                {inv.joined ? (
                  <Link href={`/investigations/${inv.slug}`} className="font-medium text-indigo-700 hover:underline">
                    {inv.title}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{inv.title}</span>
                )}
                <span className="block text-xs text-slate-500">
                  {plural(inv.members, "member")} · created {formatDay(inv.createdAt)}
                </span>
              </span>
              {inv.joined ? (
                <span className="text-sm text-slate-600">You are {MEMBER_ROLE_LABELS[inv.joined].toLowerCase()}</span>
              ) : (
                <JoinInvestigationButton investigationId={inv.id} title={inv.title} />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
