import "server-only";
import { revalidatePath } from "next/cache";
import { requireInvestigationById } from "@/lib/server/investigations.ts";

/** After a change to an investigation: every page under it shows the new state. */
export async function revalidateInvestigation(investigationId: string): Promise<void> {
  const { slug } = await requireInvestigationById(investigationId);
  revalidatePath(`/investigations/${slug}`, "layout");
}
