import { bench, describe } from "vitest";
import { detectAll, type DetectionClaim } from "@/lib/domain/conflicts.ts";
import { buildFactSheet, type FactSheet, type FactSheetInput, type SheetClaim } from "@/lib/domain/factsheet.ts";
import { factSheetStream, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { parseValue } from "@/lib/domain/values.ts";
import { db, installDatabase, openDatabase } from "@/lib/server/database.ts";
import { loadFactSheetInput } from "@/lib/server/factsheet.ts";
import { migrate } from "@/lib/server/migrate.ts";

// A large investigation: 200 articles, 1,000 entities, 20,000 claims over 5 attributes, with an
// open conflict on every tenth subject + attribute group.
const ARTICLES = 200;
const ENTITIES = 1000;
const CLAIMS = 20_000;
const values = ["$18.4 billion", "$183 billion", "$61.5 billion", "about $20 billion", "$100 million"].map((t) => {
  const parsed = parseValue(t, "money");
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
});
const claims: SheetClaim[] = Array.from({ length: CLAIMS }, (_, i) => ({
  id: `c${i}`,
  articleId: `a${i % ARTICLES}`,
  subjectId: `e${i % ENTITIES}`,
  subjectText: `Entity ${i % ENTITIES}`,
  attribute: `attr${i % 5}`,
  attributeLabel: `Attribute ${i % 5}`,
  valueText: values[i % values.length]!.text,
  value: values[(i * 7) % values.length]!,
  asOfText: null,
  asOfStart: null,
  asOfEnd: null,
  status: "active",
  statusReason: null,
  quote: `quote ${i}`,
  prefix: "",
  suffix: "",
  start: i,
  end: i + 8,
}));
const groups = new Map<string, string[]>();
for (const c of claims) groups.set(`${c.subjectId}:${c.attribute}`, [...(groups.get(`${c.subjectId}:${c.attribute}`) ?? []), c.id]);
const input: FactSheetInput = {
  investigation: { slug: "big", title: "A large investigation", description: "", createdAt: "2025-12-01T00:00:00.000Z" },
  lastChange: "2026-01-01T00:00:00.000Z",
  articles: Array.from({ length: ARTICLES }, (_, i) => ({
    id: `a${i}`,
    title: `Article ${i}`,
    outlet: "Wire",
    author: null,
    url: null,
    publishedText: null,
    publishedOn: null,
    contentHash: `${i}`.padStart(64, "0"),
  })),
  entities: Array.from({ length: ENTITIES }, (_, i) => ({ id: `e${i}`, name: `Entity ${i}`, kind: "organization", aliases: [] })),
  claims,
  conflicts: [...groups.entries()]
    .filter((_, i) => i % 10 === 0)
    .map(([key, ids]) => ({
      id: key,
      kind: "value",
      status: "open",
      summary: "The values cannot both be true.",
      claimIds: ids,
      entityIds: [key.split(":")[0]!],
      resolution: null,
    })),
};
const sheet = buildFactSheet(input);
const detection: DetectionClaim[] = claims.map((c) => ({
  id: c.id,
  articleId: c.articleId,
  subjectId: c.subjectId,
  attribute: c.attribute,
  status: c.status,
  value: c.value,
  asOf: null,
}));

describe(`fact sheet of ${CLAIMS.toLocaleString("en")} claims`, () => {
  bench("build", () => {
    buildFactSheet(input);
  });
  bench("render Markdown", () => {
    renderFactSheet(sheet, "md");
  });
  bench("render CSV", () => {
    renderFactSheet(sheet, "csv");
  });
  bench("render JSON-LD", () => {
    renderFactSheet(sheet, "jsonld");
  });
});

describe(`conflict detection from scratch over ${CLAIMS.toLocaleString("en")} claims`, () => {
  bench("detectAll", () => {
    detectAll(detection, input.entities);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end through the data layer, as GET /api/investigations/<slug>/factsheet?format=json serves
// it: 50,000 claims read from PGlite (in memory), built into the sheet and written as compact JSON,
// bytes and all. 400 articles (with bodies, which the sheet must never read) and 2,500 entities:
// most have a handful of claims, twenty have hundreds (as a story's main actors do); one claim in
// ten names an entity, one in four has an as-of date, a few are set aside or retracted; an open
// conflict on every tenth subject + attribute, a decision (one claim accepted, the others
// rejected) on every tenth after it.

const E2E = { articles: 400, entities: 2500, claims: 50_000 };
const database = openDatabase({ dataDir: "memory://" });
await migrate(database);
installDatabase(database);
const investigationId = await seedLargeInvestigation();

/** Rows put in with one statement per 10,000 (Prisma's createMany takes most of a minute for the claims on PGlite). */
async function insert(table: string, columns: Record<string, string>, rows: Record<string, unknown>[]) {
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const typed = Object.entries(columns).map(([c, type]) => `"${c}" ${type}`);
  for (let i = 0; i < rows.length; i += 10_000) {
    await db().$executeRawUnsafe(
      `INSERT INTO "${table}" (${names.join(", ")}) SELECT * FROM json_to_recordset($1::json) AS r(${typed.join(", ")})`,
      JSON.stringify(rows.slice(i, i + 10_000)),
    );
  }
}

async function seedLargeInvestigation(): Promise<string> {
  const now = new Date().toISOString();
  const reviewer = await db().user.create({ data: { email: "reviewer@example.test", name: "Rafael Reviewer", role: "reviewer" } });
  const { id } = await db().investigation.create({ data: { slug: "large", title: "A large investigation" } });
  const pad = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, "0")}`;
  await insert(
    "Article",
    {
      id: "text",
      investigationId: "text",
      title: "text",
      outlet: "text",
      author: "text",
      url: "text",
      publishedText: "text",
      publishedAt: "timestamp(3)",
      body: "text",
      contentHash: "text",
      updatedAt: "timestamp(3)",
    },
    Array.from({ length: E2E.articles }, (_, i) => ({
      id: pad("a", i),
      investigationId: id,
      title: `Article ${i}`,
      outlet: `Outlet ${i % 7}`,
      author: i % 3 ? `Author ${i % 11}` : null,
      url: `https://news.example/${i}`,
      publishedText: `${(i % 28) + 1} January 2026`,
      publishedAt: new Date(Date.UTC(2026, 0, (i % 28) + 1)).toISOString(),
      body: "A paragraph of the article that the fact sheet never reads. ".repeat(300),
      contentHash: i.toString(16).padStart(64, "0"),
      updatedAt: now,
    })),
  );
  await insert(
    "Entity",
    { id: "text", investigationId: "text", name: "text", kind: '"EntityKind"', updatedAt: "timestamp(3)" },
    Array.from({ length: E2E.entities }, (_, i) => ({
      id: pad("e", i),
      investigationId: id,
      name: `Entity ${i}`,
      kind: "organization",
      updatedAt: now,
    })),
  );
  await insert(
    "EntityAlias",
    { id: "text", investigationId: "text", entityId: "text", name: "text", folded: "text" },
    Array.from({ length: E2E.entities / 5 }, (_, i) => ({
      id: pad("n", i),
      investigationId: id,
      entityId: pad("e", i * 5),
      name: `E. ${i * 5}`,
      folded: `e. ${i * 5}`,
    })),
  );
  const parsed = (text: string, kind: "money" | "text") => {
    const value = parseValue(text, kind);
    if (!value.ok) throw new Error(value.error);
    return value.value;
  };
  const money = ["$18.4 billion", "$18,400 million", "$183 billion", "$61.5 billion", "about $20 billion", "$100 million"].map((t) =>
    parsed(t, "money"),
  );
  const groups = new Map<string, string[]>();
  const claims = Array.from({ length: E2E.claims }, (_, i) => {
    const subject = i % 5 === 0 ? (i / 5) % 20 : i % E2E.entities;
    const attribute = Math.floor(i / 7) % 5;
    const value = i % 10 === 3 ? parsed(`Entity ${(i * 7) % E2E.entities}`, "text") : money[(i * 7) % money.length]!;
    const claimId = pad("c", i);
    const group = `${subject}:${attribute}`;
    if (groups.has(group)) groups.get(group)!.push(claimId);
    else groups.set(group, [claimId]);
    const start = Math.floor(i / E2E.articles) * 80;
    return {
      id: claimId,
      investigationId: id,
      articleId: pad("a", i % E2E.articles),
      subjectId: pad("e", subject),
      subjectText: i % 3 ? `Entity ${subject}` : `the entity numbered ${subject}`,
      attribute: `attribute ${attribute}`,
      attributeLabel: `Attribute ${attribute}`,
      valueKind: value.kind,
      valueText: value.text,
      valueNorm: value,
      asOfText: i % 4 ? null : `${2020 + (i % 6)}`,
      asOfStart: i % 4 ? null : new Date(Date.UTC(2020 + (i % 6), 0, 1)).toISOString(),
      status: i % 211 === 0 ? "retracted" : i % 97 === 0 ? "superseded" : i % 53 === 0 ? "rejected" : "active",
      statusReason: i % 53 === 0 ? "Rejected in review: the filing says otherwise." : null,
      quoteExact: `valued at ${value.text} in the report number ${i}`,
      quotePrefix: `the words before claim ${i} in its art`.slice(0, 32),
      quoteSuffix: `, and the words after claim ${i} go on`.slice(0, 32),
      positionStart: start,
      positionEnd: start + 40,
      updatedAt: now,
    };
  });
  await insert(
    "Claim",
    {
      id: "text",
      investigationId: "text",
      articleId: "text",
      subjectId: "text",
      subjectText: "text",
      attribute: "text",
      attributeLabel: "text",
      valueKind: '"ValueKind"',
      valueText: "text",
      valueNorm: "jsonb",
      asOfText: "text",
      asOfStart: "timestamp(3)",
      status: '"ClaimStatus"',
      statusReason: "text",
      quoteExact: "text",
      quotePrefix: "text",
      quoteSuffix: "text",
      positionStart: "integer",
      positionEnd: "integer",
      updatedAt: "timestamp(3)",
    },
    claims,
  );
  const conflicts = [...groups.entries()].flatMap(([group, claimIds], i) =>
    i % 10 === 0 || i % 10 === 5 ? [{ id: `k${i}`, group, claimIds, open: i % 10 === 0 }] : [],
  );
  await insert(
    "Conflict",
    {
      id: "text",
      investigationId: "text",
      kind: '"ConflictKind"',
      status: '"ConflictStatus"',
      detectionKey: "text",
      summary: "text",
      updatedAt: "timestamp(3)",
    },
    conflicts.map((k) => ({
      id: k.id,
      investigationId: id,
      kind: "value",
      status: k.open ? "open" : "resolved",
      detectionKey: k.group,
      summary: "The values cannot both be true.",
      updatedAt: now,
    })),
  );
  await insert(
    "ConflictClaim",
    { conflictId: "text", claimId: "text" },
    conflicts.flatMap((k) => k.claimIds.map((claimId) => ({ conflictId: k.id, claimId }))),
  );
  await insert(
    "ConflictEntity",
    { conflictId: "text", entityId: "text" },
    conflicts.map((k) => ({ conflictId: k.id, entityId: pad("e", Number(k.group.split(":")[0])) })),
  );
  await insert(
    "Resolution",
    {
      id: "text",
      conflictId: "text",
      kind: '"ResolutionKind"',
      rationale: "text",
      acceptedClaimId: "text",
      details: "jsonb",
      decidedById: "text",
      decidedByName: "text",
    },
    conflicts
      .filter((k) => !k.open)
      .map((k) => ({
        id: `r${k.id}`,
        conflictId: k.id,
        kind: "accept_claim",
        rationale: "The annual report gives this figure.",
        acceptedClaimId: k.claimIds[0],
        details: { changedClaimIds: k.claimIds.slice(1), to: "rejected" },
        decidedById: reviewer.id,
        decidedByName: reviewer.name,
      })),
  );
  return id;
}

/** What the API's response body holds: the sheet written as compact JSON, encoded, read to the end. */
async function readCompactJson(built: FactSheet): Promise<number> {
  const reader = factSheetStream(built, "json", { pretty: false }).getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  return bytes;
}

const largeInput = (await loadFactSheetInput(investigationId))!;
const largeSheet = buildFactSheet(largeInput);
const once = { iterations: 5, warmupIterations: 1, time: 0 };

describe(`fact sheet of ${E2E.claims.toLocaleString("en")} claims through the data layer (PGlite in memory)`, () => {
  bench(
    "end to end: load, build, write compact JSON",
    async () => {
      await readCompactJson(buildFactSheet((await loadFactSheetInput(investigationId))!));
    },
    once,
  );
  bench(
    "load (the data layer)",
    async () => {
      await loadFactSheetInput(investigationId);
    },
    once,
  );
  bench(
    "build",
    () => {
      buildFactSheet(largeInput);
    },
    once,
  );
  bench(
    "write compact JSON (streamed)",
    async () => {
      await readCompactJson(largeSheet);
    },
    once,
  );
});
