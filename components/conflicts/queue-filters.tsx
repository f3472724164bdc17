"use client";

import Form from "next/form";
import Link from "next/link";
import { inputClass } from "@/components/field.tsx";

type Option = { value: string; label: string };

/** The queue's filters: a GET form (shareable URLs), applied as soon as a choice changes. */
export function QueueFilters({
  status,
  values,
  kinds,
  entities,
  attributes,
  articles,
  clearHref,
}: {
  status: string;
  values: { kind: string; entity: string; attribute: string; article: string };
  kinds: Option[];
  entities: Option[];
  attributes: Option[];
  articles: Option[];
  clearHref: string | null;
}) {
  const select = (name: keyof typeof values, label: string, all: string, options: Option[]) => (
    <label className="min-w-0 flex-1 basis-40 text-xs font-medium text-slate-600">
      {label}
      <select
        name={name}
        defaultValue={values[name]}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className={`${inputClass} mt-1 py-1.5`}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Form action="" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter conflicts">
      {status !== "open" && <input type="hidden" name="status" value={status} />}
      {select("kind", "Kind", "All kinds", kinds)}
      {select("entity", "Entity", "All entities", entities)}
      {select("attribute", "Attribute", "All attributes", attributes)}
      {select("article", "Article", "All articles", articles)}
      <noscript>
        <button type="submit">Filter</button>
      </noscript>
      {clearHref && (
        <Link href={clearHref} className="pb-2 text-sm text-indigo-700 hover:underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
