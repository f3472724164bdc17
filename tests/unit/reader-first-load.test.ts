import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

/**
 * What the article reader's first load carries: the client code reachable from its page by
 * static imports (what the browser fetches before the page answers). Code imported with
 * `import()` loads when it is first used and is not followed.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const PAGE = "app/(app)/investigations/[slug]/articles/[articleId]/page.tsx";

type Module = { file: string; directive: "use client" | "use server" | null; imports: string[] };

function readModule(file: string): Module {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const first = source.statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && /^use (client|server)$/.test(first.expression.text)
      ? (first.expression.text as Module["directive"])
      : null;
  const imports: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      // Types only: gone from the JavaScript.
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      imports.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      imports.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return { file, directive, imports };
}

/** A project file for an import, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.join(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(path.join(ROOT, candidate)) && candidate.match(/\.tsx?$/)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** The files and packages of the page's first load in the browser. */
function firstLoad(page: string): { files: Set<string>; packages: Set<string> } {
  // From the (server) page to the client modules it renders.
  const entries = new Set<string>();
  const seen = new Set<string>();
  const server = [page];
  while (server.length) {
    const mod = readModule(server.pop()!);
    for (const specifier of mod.imports) {
      const file = resolve(mod.file, specifier);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      const next = readModule(file);
      if (next.directive === "use client") entries.add(file);
      else if (next.directive !== "use server") server.push(file);
    }
  }
  // Everything a client module imports statically is in the browser with it (a server action is
  // only a reference there).
  const files = new Set(entries);
  const packages = new Set<string>();
  const client = [...entries];
  while (client.length) {
    const mod = readModule(client.pop()!);
    for (const specifier of mod.imports) {
      const file = resolve(mod.file, specifier);
      if (!file) {
        packages.add(specifier);
        continue;
      }
      if (files.has(file) || readModule(file).directive === "use server") continue;
      files.add(file);
      client.push(file);
    }
  }
  return { files, packages };
}

describe("the article reader's first load", () => {
  const { files, packages } = firstLoad(PAGE);

  test("draws the article with its highlights", () => {
    expect(files).toContain("components/annotator/annotated-article.tsx");
    expect(files).toContain("components/article-source.tsx");
  });

  test("leaves out what only acting on the page needs: forms, details, panels", () => {
    for (const later of [
      "components/annotator/claim-form.tsx",
      "components/annotator/claim-details.tsx",
      "components/annotator/name-panel.tsx",
      "components/annotator/name-list.tsx",
      "components/annotator/quote-finder.tsx",
      "components/annotator/accept-all-proposals.tsx",
      "components/article-source-form.tsx",
    ]) {
      expect(files, later).not.toContain(later);
    }
  });

  test("leaves out what never changes on the page: the server draws it", () => {
    expect(files).not.toContain("components/article-source-text.tsx");
  });

  test("leaves out the value and date readers and the rules about names", () => {
    for (const later of ["lib/domain/values.ts", "lib/domain/moments.ts", "lib/domain/claims.ts"])
      expect(files, later).not.toContain(later);
    for (const pkg of ["chrono-node", "react-aria-components"]) expect(packages, pkg).not.toContain(pkg);
  });

  test("uses React's lazy, not next/dynamic, whose own code outweighs what it would split", () => {
    expect(packages).not.toContain("next/dynamic");
  });
});
