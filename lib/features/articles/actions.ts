"use server";

import { revalidatePath } from "next/cache";
import { IMPORT_JOB_BYTES, parseArticleFile, parseArticleText } from "@/lib/domain/article-import.ts";
import { editArticleSourceInput, pasteArticleInput, uploadArticlesInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import { importParsedArticles, updateArticleSource } from "@/lib/server/articles.ts";
import { requireInvestigationById } from "@/lib/server/investigations.ts";
import { enqueueJob } from "@/lib/server/jobs.ts";

/**
 * Uploaded files become articles. A batch of over IMPORT_JOB_BYTES is imported as a job (the
 * page follows its progress, and leaving the page does not stop it); a small one at once.
 */
export const uploadArticles = defineAction("article.import", uploadArticlesInput, async (input, ctx) => {
  const investigation = await requireInvestigationById(input.investigationId);
  if (input.files.reduce((sum, f) => sum + f.size, 0) > IMPORT_JOB_BYTES) {
    const files = await Promise.all(
      input.files.map(async (file) => ({ name: file.name, bytes: Buffer.from(await file.arrayBuffer()).toString("base64") })),
    );
    const job = await enqueueJob(ctx, "import", investigation.id, {
      payload: { files },
      audited: { files: input.files.map((f) => ({ name: f.name, bytes: f.size })) },
    });
    return { outcomes: [], jobId: job.id };
  }
  const items = await Promise.all(
    input.files.map(async (file) => ({
      name: file.name,
      result: parseArticleFile(file.name, new Uint8Array(await file.arrayBuffer())),
    })),
  );
  const outcomes = await importParsedArticles(ctx, investigation.id, items);
  revalidatePath(`/investigations/${investigation.slug}`, "layout");
  return { outcomes, jobId: null };
});

export const pasteArticle = defineAction("article.paste", pasteArticleInput, async (input, ctx) => {
  const investigation = await requireInvestigationById(input.investigationId);
  // The form's fields become the optional header lines, so pasted and uploaded text read alike.
  const header = [
    ["Title", input.title],
    ["Source", input.outlet],
    ["Author", input.author],
    ["URL", input.url],
    ["Published", input.published],
  ]
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value}`);
  const text = header.length ? `${header.join("\n")}\n\n${input.text}` : input.text;
  const [outcome] = await importParsedArticles(ctx, investigation.id, [
    // The form offered what the text says of its source; what the person left empty stays empty.
    { name: "Pasted text", result: parseArticleText("Pasted text", text, { guess: false }) },
  ]);
  revalidatePath(`/investigations/${investigation.slug}`, "layout");
  return { outcome: outcome!, slug: investigation.slug };
});

/** Outlet, author, date, address and title of an imported article, corrected by an analyst. */
export const editArticleSource = defineAction("article.update", editArticleSourceInput, async (input, ctx) => {
  const investigation = await requireInvestigationById(input.investigationId);
  const result = await updateArticleSource(ctx, { ...input, investigationId: investigation.id });
  revalidatePath(`/investigations/${investigation.slug}`, "layout");
  return result;
});
