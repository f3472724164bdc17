import type { Metadata } from "next";
import { AddMemberForm, MemberList } from "@/components/members.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { plural } from "@/lib/domain/format.ts";
import { MEMBER_ROLE_LABELS } from "@/lib/domain/roles.ts";
import { addableUsers, listMembers } from "@/lib/server/memberships.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Members" };

/** Who works on this investigation: every member sees the list; its leads change it. */
export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, investigation } = await investigationPage(slug, `/investigations/${slug}/members`);
  const isLead = investigation.role === "lead";
  const [members, candidates] = await Promise.all([listMembers(investigation.id), isLead ? addableUsers(investigation.id) : []]);
  return (
    <>
      <PageHeader
        title="Members"
        description={
          isLead
            ? "Only members see this investigation. Add people who have an account, choose what they can do here, or remove them; an investigation keeps at least one lead."
            : "Only members see this investigation. Its leads add and remove members."
        }
      />
      <div className={isLead ? "grid gap-8 lg:grid-cols-[1fr_20rem]" : ""}>
        <section aria-labelledby="members-heading" className="h-fit overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <h2 id="members-heading" className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium text-slate-500">
            {plural(members.length, "member")}
          </h2>
          {isLead ? (
            <MemberList
              investigationId={investigation.id}
              label="members-heading"
              members={members.map((m) => ({ ...m, isSelf: m.userId === actor.id }))}
            />
          ) : (
            <ul aria-labelledby="members-heading" className="divide-y divide-slate-200">
              {members.map((m) => (
                <li key={m.userId} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="font-medium text-slate-900">{m.name}</span>{" "}
                    {m.userId === actor.id && <span className="text-xs text-slate-500">(you)</span>}
                    <span className="block text-xs text-slate-600">{m.email}</span>
                  </span>
                  <span className="text-sm text-slate-700">{MEMBER_ROLE_LABELS[m.role]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {isLead && (
          <section aria-labelledby="add-member-heading" className="h-fit rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="add-member-heading" className="mb-4 font-semibold">
              Add a member
            </h2>
            <AddMemberForm investigationId={investigation.id} candidates={candidates} />
          </section>
        )}
      </div>
    </>
  );
}
