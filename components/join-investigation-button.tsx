"use client";

import { useRouter } from "next/navigation";
import { joinInvestigation } from "@/lib/features/investigations/actions.ts";
import { Button } from "@/components/button.tsx";
import { useFormAction } from "@/components/use-form-action.ts";

/** An admin joins an investigation as its lead (recorded in its history), then opens it. */
export function JoinInvestigationButton({ investigationId, title }: { investigationId: string; title: string }) {
  const router = useRouter();
  const join = useFormAction(joinInvestigation, { onSuccess: ({ slug }) => router.push(`/investigations/${slug}`) });
  return (
    <form {...join.formProps} className="flex flex-col items-end gap-1">
      <input type="hidden" name="investigationId" value={investigationId} />
      <Button type="submit" variant="secondary" pending={join.pending} className="py-1.5" aria-label={`Join ${title} as lead`}>
        Join as lead
      </Button>
      {join.state && !join.state.ok && (
        <p role="alert" className="text-xs text-red-700">
          {join.state.message}
        </p>
      )}
    </form>
  );
}
