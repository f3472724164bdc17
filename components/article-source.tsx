"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/button.tsx";

/** The form that corrects the details loads when it is opened, not with every article. */
const ArticleSourceForm = lazy(() => import("@/components/article-source-form.tsx").then((m) => ({ default: m.ArticleSourceForm })));

export type ArticleSourceDetails = {
  id: string;
  version: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedText: string | null;
  /** The publication date as people read it ("24 February 2026"), when it was understood. */
  publishedLabel: string | null;
};

/**
 * Who published the article, where and when: what every citation of it says. Shown above the
 * text with what is missing named, and corrected in place (audited); a new date reads the
 * article's relative dates ("last July") again.
 */
export function ArticleSource({
  investigationId,
  article,
  meta,
  readOnly = false,
}: {
  investigationId: string;
  article: ArticleSourceDetails;
  meta: { term: string; value: string }[];
  /** A viewer's: the details are shown, not offered for editing. */
  readOnly?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const missing = [!article.outlet && "outlet", !article.publishedText && "publication date"].filter(Boolean) as string[];
  const returnFocus = useRef(false);
  const close = (message: string | null) => {
    setEditing(false);
    setSaved(message);
    returnFocus.current = true;
  };
  // The button the person came from has the focus again, once it is back in place of the form.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  return (
    <section aria-labelledby="source-heading" className="mb-4 rounded-lg bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id="source-heading" className="mr-auto font-medium text-slate-800 sm:mr-0">
          Source
        </h2>
        <p className="order-last min-w-0 basis-full text-slate-700 sm:order-none sm:basis-0 sm:flex-1">
          {missing.length > 0 ? (
            <span className="text-amber-800">
              No {missing.join(" or ")} recorded: citations name the article by its title
              {!article.publishedText && " and its relative dates (“last July”) stay unresolved"}.
            </span>
          ) : (
            <>
              Cited as “{article.outlet}, {article.publishedLabel ?? article.publishedText}”{article.author && ` · by ${article.author}`}.
            </>
          )}
        </p>
        {!editing && !readOnly && (
          <Button ref={editButton} type="button" variant="secondary" onClick={() => (setSaved(null), setEditing(true))}>
            {missing.length ? "Add source details" : "Edit source details"}
          </Button>
        )}
      </div>
      {saved && !editing && (
        <p role="status" className="mt-2 text-emerald-800">
          {saved}
        </p>
      )}
      {editing ? (
        <Suspense fallback={<p className="mt-3 border-t border-slate-100 pt-3 text-slate-500">Opening the form…</p>}>
          <ArticleSourceForm investigationId={investigationId} article={article} onSaved={close} onCancel={() => close(null)} />
        </Suspense>
      ) : (
        <details className="mt-2 text-slate-700">
          <summary className="cursor-pointer text-slate-600">About this copy</summary>
          <dl className="mt-2 grid gap-x-6 gap-y-2 pb-2 sm:grid-cols-2">
            {meta.map((m) => (
              <div key={m.term}>
                <dt className="text-xs font-medium text-slate-600">{m.term}</dt>
                <dd className="break-words text-slate-800">{m.value}</dd>
              </div>
            ))}
            {article.url && (
              <div>
                <dt className="text-xs font-medium text-slate-600">Original</dt>
                <dd className="break-all">
                  <a href={article.url} rel="noopener noreferrer" target="_blank" className="text-indigo-700 underline">
                    {article.url}
                  </a>
                </dd>
              </div>
            )}
          </dl>
          <p className="pb-1 text-xs text-slate-600">
            The text is shown exactly as imported; it is never rewritten, so every quote can be traced back to it.
          </p>
        </details>
      )}
    </section>
  );
}
