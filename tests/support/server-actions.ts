import { readFileSync } from "node:fs";

/** A server action's id in the production build in `.next` (what a page's script sends as Next-Action). */
export function serverActionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found[0];
}
