"use client";

import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
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
  citation,
  copy,
  readOnly = false,
}: {
  investigationId: string;
  article: ArticleSourceDetails;
  /** How citations name the article, or what they lack (drawn by the server: see article-source-text.tsx). */
  citation: ReactNode;
  /** What is known about this copy of the article, hidden while the details are edited. */
  copy: ReactNode;
  /** A viewer's: the details are shown, not offered for editing. */
  readOnly?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const missing = !article.outlet || !article.publishedText;
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
        {citation}
        {!editing && !readOnly && (
          <Button ref={editButton} type="button" variant="secondary" onClick={() => (setSaved(null), setEditing(true))}>
            {missing ? "Add source details" : "Edit source details"}
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
        copy
      )}
    </section>
  );
}
