"use client";

import { useId, useRef, useState } from "react";
import { pasteArticle, uploadArticles } from "@/lib/features/articles/actions.ts";
import { readJob } from "@/lib/features/jobs/actions.ts";
import { Button } from "@/components/button.tsx";
import { Field, TextArea, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { ImportOutcomes } from "@/components/import-outcomes.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { formatBytes, guessSource, IMPORTABLE_EXTENSIONS, MAX_ARTICLE_BYTES, uploadBatches } from "@/lib/domain/article-import.ts";
import type { ActionResult } from "@/lib/domain/action-result.ts";
import type { ImportOutcome } from "@/lib/domain/article-import.ts";

type Tab = "upload" | "paste";

export function ArticleImportPanel({ investigationId, slug }: { investigationId: string; slug: string }) {
  const [tab, setTab] = useState<Tab>("upload");
  const id = useId();
  const tabs: { key: Tab; label: string }[] = [
    { key: "upload", label: "Upload files" },
    { key: "paste", label: "Paste text" },
  ];
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const next = tab === "upload" ? "paste" : "upload";
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div role="tablist" aria-label="How to import" className="flex gap-1 border-b border-slate-200 px-3 pt-3" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            id={`${id}-tab-${t.key}`}
            role="tab"
            type="button"
            aria-selected={tab === t.key}
            aria-controls={`${id}-panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            className="-mb-px rounded-t-md border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-selected:border-indigo-600 aria-selected:text-indigo-700"
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="p-4 sm:p-5">
        <div role="tabpanel" id={`${id}-panel-upload`} aria-labelledby={`${id}-tab-upload`} hidden={tab !== "upload"}>
          <UploadForm investigationId={investigationId} slug={slug} />
        </div>
        <div role="tabpanel" id={`${id}-panel-paste`} aria-labelledby={`${id}-tab-paste`} hidden={tab !== "paste"}>
          <PasteForm investigationId={investigationId} slug={slug} />
        </div>
      </div>
    </div>
  );
}

type Imported = ActionResult<{ outcomes: ImportOutcome[] }>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An import job followed about once a second until it has finished: how many of its files are
 * done as it goes, then what became of each. A read that fails is tried again; the job goes on.
 */
async function followImport(investigationId: string, jobId: string, onProgress: (done: number) => void): Promise<Imported> {
  for (let failures = 0; failures < 30;) {
    await pause(1_000);
    const answer = await readJob({ investigationId, jobId }).catch(() => null);
    if (!answer?.ok) {
      failures++;
      continue;
    }
    if (answer.status === "failed") return { ok: false, code: "internal", message: `The import stopped: ${answer.error}` };
    if (answer.status === "done") {
      const result = answer.result as { outcomes?: ImportOutcome[] } | null;
      return { ok: true, outcomes: Array.isArray(result?.outcomes) ? result.outcomes : [] };
    }
    if (answer.progress) onProgress(answer.progress.done);
  }
  return {
    ok: false,
    code: "internal",
    message: "The import's progress cannot be read just now. It goes on: its articles appear in the list as they are saved.",
  };
}

function UploadForm({ investigationId, slug }: { investigationId: string; slug: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [refusedHere, setRefusedHere] = useState<ImportOutcome[]>([]);
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState(0);
  const { state, pending, fieldErrors, formProps } = useFormAction(
    async (form): Promise<Imported> => {
      // Files over the limit are refused here, by name, instead of being sent at all; the rest
      // go a few at a time, so a large choice never exceeds what one request may carry.
      const files = chosen.filter((f) => f.size <= MAX_ARTICLE_BYTES);
      const outcomes: ImportOutcome[] = [];
      setSent(0);
      for (const batch of uploadBatches(files)) {
        const part = new FormData();
        part.set("investigationId", String(form.get("investigationId")));
        for (const file of batch) part.append("files", file);
        const sentBefore = outcomes.length;
        const answer = await uploadArticles(part).catch(() => null);
        // A large batch is imported as a job: follow it until it has finished.
        const result =
          answer?.ok && answer.jobId
            ? await followImport(String(form.get("investigationId")), answer.jobId, (done) => setSent(sentBefore + done))
            : answer;
        if (!result?.ok) {
          // Say what happened to every file: those imported stay imported.
          if (result && outcomes.length === 0) return result;
          const reason = result?.message ?? "The connection failed while sending it.";
          for (const file of files.slice(outcomes.length)) {
            outcomes.push({ name: file.name, status: "failed", error: `${file.name}: not imported. ${reason}` });
          }
          break;
        }
        outcomes.push(...result.outcomes);
        setSent(outcomes.length);
      }
      return { ok: true, outcomes };
    },
    {
      onSuccess: () => {
        setChosen([]);
        if (inputRef.current) inputRef.current.value = "";
      },
    },
  );
  const choose = (files: File[]) => {
    setChosen(files);
    setRefusedHere(
      files
        .filter((f) => f.size > MAX_ARTICLE_BYTES)
        .map((f) => ({ name: f.name, status: "failed", error: `${f.name}: is ${formatBytes(f.size)}; the limit is 2 MB per article.` })),
    );
  };
  const sendable = chosen.filter((f) => f.size <= MAX_ARTICLE_BYTES);
  const outcomes = [...refusedHere, ...(state?.ok ? state.outcomes : [])];
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="investigationId" value={investigationId} />
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(Array.from(e.dataTransfer.files));
        }}
        className={`rounded-lg border-2 border-dashed px-4 py-8 text-center transition ${dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300"}`}
      >
        <p className="text-sm text-slate-700">Drop .txt or .md files here, or</p>
        <label
          htmlFor="article-files"
          className="mt-2 inline-block cursor-pointer rounded-md bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600"
        >
          Choose files
          <input
            ref={inputRef}
            id="article-files"
            name="files"
            type="file"
            multiple
            accept={[...IMPORTABLE_EXTENSIONS, "text/plain", "text/markdown"].join(",")}
            className="sr-only"
            onChange={(e) => choose(Array.from(e.target.files ?? []))}
          />
        </label>
        <p className="mt-2 text-xs text-slate-500">
          Up to 2 MB each. Optional header lines: Title:, Source:, Author:, URL:, Published:, then a blank line.
        </p>
      </div>
      {chosen.length > 0 && (
        <ul aria-label="Chosen files" className="space-y-1 text-sm text-slate-700">
          {chosen.map((f) => (
            <li key={`${f.name}-${f.size}`} className="flex justify-between gap-3">
              <span className="truncate">{f.name}</span>
              <span className="shrink-0 tabular-nums text-slate-500">{formatBytes(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {fieldErrors?.files && <p className="text-sm text-red-700">{fieldErrors.files.join(" ")}</p>}
      <FormMessage state={state && !state.ok && !fieldErrors?.files ? state : null} />
      <Button
        type="submit"
        pending={pending}
        pendingLabel={sendable.length > 1 ? `Importing… ${sent} of ${sendable.length} files done` : "Importing…"}
        disabled={sendable.length === 0}
      >
        {sendable.length > 1 ? `Import ${sendable.length} files` : "Import file"}
      </Button>
      <ImportOutcomes outcomes={outcomes} slug={slug} />
    </form>
  );
}

/** The paste form's source fields, and what of the text's own first lines each is prefilled from. */
const GUESSED_FIELDS = [
  { name: "outlet", guess: "outlet", label: "outlet" },
  { name: "author", guess: "author", label: "author" },
  { name: "published", guess: "publishedText", label: "date" },
  { name: "url", guess: "url", label: "URL" },
] as const;

function PasteForm({ investigationId, slug }: { investigationId: string; slug: string }) {
  const [prefilled, setPrefilled] = useState<string[]>([]);
  const {
    state,
    pending,
    fieldErrors: errors,
    formProps,
  } = useFormAction(pasteArticle, {
    resetOnSuccess: true,
    onSuccess: () => setPrefilled([]),
  });
  /**
   * What the pasted text says of its source (a byline, a dateline, a date line) fills the fields
   * the person left empty; a field they typed in is theirs and is never overwritten.
   */
  const prefill = (text: string) => {
    const form = formProps.ref.current;
    if (!form) return;
    const guess = guessSource(text);
    const filled: string[] = [];
    for (const f of GUESSED_FIELDS) {
      const input = form.elements.namedItem(f.name) as HTMLInputElement | null;
      if (!input || (input.value && input.dataset.guessed !== "true")) continue;
      input.value = guess[f.guess] ?? "";
      input.dataset.guessed = input.value ? "true" : "";
      if (input.value) filled.push(f.label);
    }
    setPrefilled(filled);
  };
  const typed = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.dataset.guessed === "true") target.dataset.guessed = "";
  };
  return (
    <form {...formProps} onInput={typed} className="space-y-4">
      <input type="hidden" name="investigationId" value={investigationId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="paste-title" label="Title" hint="Optional; the first line is used if empty." errors={errors?.title}>
          <TextInput id="paste-title" name="title" hint errors={errors?.title} />
        </Field>
        <Field id="paste-outlet" label="Outlet" errors={errors?.outlet}>
          <TextInput id="paste-outlet" name="outlet" placeholder="e.g. Reuters" errors={errors?.outlet} />
        </Field>
        <Field id="paste-author" label="Author" errors={errors?.author}>
          <TextInput id="paste-author" name="author" errors={errors?.author} />
        </Field>
        <Field id="paste-published" label="Published" hint="e.g. 2025-12-03" errors={errors?.published}>
          <TextInput id="paste-published" name="published" hint errors={errors?.published} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="paste-url" label="URL" errors={errors?.url}>
            <TextInput id="paste-url" name="url" type="url" placeholder="https://" errors={errors?.url} />
          </Field>
        </div>
      </div>
      <Field id="paste-text" label="Article text" errors={errors?.text}>
        <TextArea id="paste-text" name="text" rows={12} required errors={errors?.text} onChange={(e) => prefill(e.target.value)} />
      </Field>
      {prefilled.length > 0 && (
        <p role="status" className="text-sm text-slate-700">
          The {prefilled.join(", ")} above {prefilled.length === 1 ? "was" : "were"} read from the text: check before importing.
        </p>
      )}
      <FormMessage state={state && !state.ok ? state : null} />
      <Button type="submit" pending={pending} pendingLabel="Importing…">
        Import article
      </Button>
      {state?.ok && <ImportOutcomes outcomes={[state.outcome]} slug={slug} />}
    </form>
  );
}
