"use server";

import { publicAddress } from "@/lib/domain/deployment.ts";
import { createShareLinkInput, revokeShareLinkInput } from "@/lib/domain/inputs.ts";
import * as shareLinks from "@/lib/server/share-links.ts";
import { defineAction } from "@/lib/web/action.ts";

// Only an investigation's leads get here (the policy table); links are found by investigation too.
// Nothing else shows links but the panel that calls these, which refreshes its page itself.
export const createShareLink = defineAction("share.create", createShareLinkInput, async (input, ctx) => {
  const { id, token, expiresAt } = await shareLinks.createShareLink(ctx, input);
  // The only time the token leaves the server: the database keeps its hash.
  const url = new URL(shareLinks.sharePath(token), publicAddress(process.env)).toString();
  return { id, url, expiresAt: expiresAt?.toISOString() ?? null };
});

export const revokeShareLink = defineAction("share.revoke", revokeShareLinkInput, async (input, ctx) => {
  return shareLinks.revokeShareLink(ctx, input);
});
