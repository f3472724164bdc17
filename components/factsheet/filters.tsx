"use client";

import Form from "next/form";
import Link from "next/link";
import { inputClass } from "@/components/field.tsx";
import { FACT_STATUS_LABELS, FACT_STATUSES, type FactStatus } from "@/lib/domain/factsheet.ts";

/** Filter the facts by entity and status (a GET form: the URL can be shared), applied on change. */
export function FactSheetFilters({
  entity,
  status,
  entities,
  counts,
}: {
  entity: string;
  status: FactStatus | "";
  entities: string[];
  counts: Record<FactStatus, number>;
}) {
  return (
    <Form action="" aria-label="Filter facts" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-0 flex-1 basis-48 text-xs font-medium text-slate-600">
        Entity
        <select
          name="entity"
          defaultValue={entity}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
          className={`${inputClass} mt-1 py-1.5`}
        >
          <option value="">All entities</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </label>
      <label className="min-w-0 flex-1 basis-48 text-xs font-medium text-slate-600">
        Status
        <select
          name="status"
          defaultValue={status}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
          className={`${inputClass} mt-1 py-1.5`}
        >
          <option value="">All statuses</option>
          {FACT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FACT_STATUS_LABELS[s]} ({counts[s]})
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">Filter</button>
      </noscript>
      {(entity || status) && (
        <Link href="?" className="pb-2 text-sm text-indigo-700 hover:underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
