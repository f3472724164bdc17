import type { Metadata } from "next";
import { AttributeDirectory } from "@/components/attribute-directory.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { listAttributes } from "@/lib/server/attributes.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Attributes" };

export default async function AttributesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/attributes`);
  const attributes = await listAttributes(investigation.id);
  const canManage = hasMemberRole(investigation.role, "lead");
  return (
    <>
      <PageHeader
        title="Attributes"
        description={
          <>
            What the claims say about their subjects, most used first. Claims are compared only under one subject and one attribute, so a
            measure recorded under two names is never checked.{" "}
            {canManage
              ? "Rename an attribute, or merge it into another: its claims move, and detection looks at them again."
              : "The investigation\u2019s leads can rename an attribute or merge it into another."}
          </>
        }
      />
      {attributes.length === 0 ? (
        <EmptyState title="No attributes yet">They appear as claims are recorded.</EmptyState>
      ) : (
        <AttributeDirectory investigationId={investigation.id} slug={slug} attributes={attributes} canManage={canManage} />
      )}
    </>
  );
}
