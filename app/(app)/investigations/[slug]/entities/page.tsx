import type { Metadata } from "next";
import { CreateEntityForm } from "@/components/create-entity-form.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { EntityDirectory } from "@/components/entity-directory.tsx";
import { investigationPage } from "@/lib/web/page-context.ts";
import { PageHeader } from "@/components/page-header.tsx";
import { listEntities } from "@/lib/server/entities.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";

export const metadata: Metadata = { title: "Entities" };

export default async function EntitiesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/entities`);
  const entities = await listEntities(investigation.id);
  const canEdit = hasMemberRole(investigation.role, "analyst");
  return (
    <>
      <PageHeader
        title="Entities"
        description="The people, organisations and things the claims are about, with the names the sources use for them."
      />
      <div className={canEdit ? "grid gap-8 lg:grid-cols-[1fr_20rem]" : ""}>
        <section aria-label="Entity list">
          {entities.length === 0 ? (
            <EmptyState title="No entities yet">They are created as claims are recorded, or with the form.</EmptyState>
          ) : (
            <EntityDirectory entities={entities} slug={slug} />
          )}
        </section>
        {canEdit && (
          <section aria-labelledby="new-entity-heading" className="h-fit rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="new-entity-heading" className="mb-4 font-semibold">
              New entity
            </h2>
            <CreateEntityForm investigationId={investigation.id} slug={slug} />
          </section>
        )}
      </div>
    </>
  );
}
