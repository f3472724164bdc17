"use client";

import { Button } from "@/components/button.tsx";
import { Field, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import type { ArticleSourceDetails } from "@/components/article-source.tsx";
import { plural } from "@/lib/domain/format.ts";
import { editArticleSource } from "@/lib/features/articles/actions.ts";

/** Corrects an article's source details (audited); `onSaved` gets what to tell the person. */
export function ArticleSourceForm({
  investigationId,
  article,
  onSaved,
  onCancel,
}: {
  investigationId: string;
  article: ArticleSourceDetails;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const save = useFormAction(editArticleSource, {
    onSuccess: ({ reread, conflictsChanged }) =>
      onSaved(
        reread || conflictsChanged
          ? `Saved. ${plural(reread, "date")} read again against the new publication date; ${plural(conflictsChanged, "conflict")} changed.`
          : "Saved.",
      ),
  });
  const errors = save.fieldErrors;
  return (
    <form
      {...save.formProps}
      className="mt-3 space-y-4 border-t border-slate-100 pt-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <input type="hidden" name="investigationId" value={investigationId} />
      <input type="hidden" name="articleId" value={article.id} />
      <input type="hidden" name="version" value={article.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field id="source-title" label="Title" errors={errors?.title}>
            <TextInput id="source-title" name="title" defaultValue={article.title} errors={errors?.title} autoFocus />
          </Field>
        </div>
        <Field id="source-outlet" label="Outlet" errors={errors?.outlet}>
          <TextInput
            id="source-outlet"
            name="outlet"
            defaultValue={article.outlet ?? ""}
            placeholder="e.g. Reuters"
            errors={errors?.outlet}
          />
        </Field>
        <Field id="source-author" label="Author" errors={errors?.author}>
          <TextInput id="source-author" name="author" defaultValue={article.author ?? ""} errors={errors?.author} />
        </Field>
        <Field
          id="source-published"
          label="Published"
          hint="The day the article came out, e.g. 2026-02-24. Dates such as “last July” are read against it."
          errors={errors?.published}
        >
          <TextInput id="source-published" name="published" defaultValue={article.publishedText ?? ""} hint errors={errors?.published} />
        </Field>
        <Field id="source-url" label="URL" errors={errors?.url}>
          <TextInput id="source-url" name="url" type="url" defaultValue={article.url ?? ""} placeholder="https://" errors={errors?.url} />
        </Field>
      </div>
      <FormMessage state={save.state && !save.state.ok ? save.state : null} />
      <div className="flex gap-2">
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save source details
        </Button>
        <Button type="button" variant="ghost" onClick={() => onCancel()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
