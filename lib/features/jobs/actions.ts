"use server";

import { z } from "zod";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { defineAction } from "@/lib/web/action.ts";
import { jobStatus } from "@/lib/server/jobs.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

/**
 * Where a job of this investigation stands (anyone signed in: the page that asked follows it).
 * Once it has finished, the investigation's pages are refreshed for what it changed.
 */
export const readJob = defineAction(
  "job.status",
  z.object({ investigationId: z.string().min(1), jobId: z.string().min(1) }),
  async (input) => {
    const job = await jobStatus(input.investigationId, input.jobId);
    if (!job) throw new ExpectedError("not_found", "That job is not on record.");
    // Once, as the page that followed it sees it end (not on every later read).
    if (job.status === "done" && job.finishedAt && Date.now() - job.finishedAt.getTime() < 30_000) {
      await revalidateInvestigation(input.investigationId);
    }
    return job;
  },
);
