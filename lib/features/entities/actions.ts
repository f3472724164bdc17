"use server";

import { redirect } from "next/navigation";
import {
  addAliasInput,
  createEntityInput,
  mergeEntitiesInput,
  removeAliasInput,
  setPartOfInput,
  subjectOptionsInput,
  undoMergeInput,
} from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import * as entities from "@/lib/server/entities.ts";
import { requireInvestigationById } from "@/lib/server/investigations.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

/**
 * Every name and alias the claim form's subject box searches, and the attributes in use its
 * attribute box offers (with their counts). The reader asks once it is drawn: an investigation of
 * thousands of entities does not send them all with every article page, and counting the
 * attributes of all its claims does not hold up the page.
 */
export const listSubjectOptions = defineAction("entity.options", subjectOptionsInput, async (input) => {
  const [subjects, attributes] = await Promise.all([
    entities.subjectOptions(input.investigationId),
    entities.attributeOptions(input.investigationId),
  ]);
  return { subjects, attributes };
});

export const createEntity = defineAction("entity.create", createEntityInput, async (input, ctx) => {
  await requireInvestigationById(input.investigationId);
  const entity = await entities.createEntity(ctx, input.investigationId, input);
  await revalidateInvestigation(input.investigationId);
  return entity;
});

export const addAlias = defineAction("entity.addAlias", addAliasInput, async (input, ctx) => {
  const result = await entities.addAlias(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const removeAlias = defineAction("entity.removeAlias", removeAliasInput, async (input, ctx) => {
  await entities.removeAlias(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return {};
});

export const mergeEntities = defineAction("entity.merge", mergeEntitiesInput, async (input, ctx) => {
  await entities.mergeEntities(ctx, input);
  await revalidateInvestigation(input.investigationId);
  // The merged entity's page no longer has much to show: continue on the one it joined.
  const { slug } = await requireInvestigationById(input.investigationId);
  redirect(`/investigations/${slug}/entities/${input.targetId}`);
});

export const undoMerge = defineAction("entity.unmerge", undoMergeInput, async (input, ctx) => {
  await entities.undoMerge(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return {};
});

export const setPartOf = defineAction("entity.setPartOf", setPartOfInput, async (input, ctx) => {
  await entities.setPartOf(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return {};
});
