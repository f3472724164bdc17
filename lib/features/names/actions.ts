"use server";

import { dismissNameInput, listNamesInput } from "@/lib/domain/inputs.ts";
import * as names from "@/lib/server/name-proposals.ts";
import { defineAction } from "@/lib/web/action.ts";

/**
 * An article's names, asked for by the reader once drawn: mentions of entities to link, and names
 * to make entities or aliases of (through entity.create and entity.addAlias, as by hand).
 */
export const listNames = defineAction("name.list", listNamesInput, async (input) =>
  names.articleNames(input.investigationId, input.articleId),
);

/** Turns down a proposed name for the whole investigation; the reader hides it in place. */
export const dismissName = defineAction("name.dismiss", dismissNameInput, async (input, ctx) => names.dismissName(ctx, input));
