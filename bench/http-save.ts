/**
 * Saving claims under load, over HTTP against a production build on PostgreSQL, beside a floor
 * measured in the same run (`npm run bench:http`). Prints one table: goal, measured, floor,
 * ratio, pass/fail. It never fails on timings (exit code 0 unless something broke).
 *
 * - floor: a bare Node `http` server (its own process) whose handler does one `pg` INSERT
 *   (pool of 16), loaded by autocannon at 16 connections;
 * - the app: `next start` on a fresh database holding BENCH_CLAIMS claims (default 50,000) in
 *   groups of a few claims, many of them disagreeing, plus one group of BENCH_GROUP claims
 *   (default 10,000); autocannon posts the claim form's server action at 16 connections, each
 *   request a new claim on a random subject and attribute;
 * - Next.js alone: GET /api/health (one `SELECT 1`) at 16 connections, what the framework costs;
 * - the data layer alone: the same saves called in-process by 16 concurrent loops;
 * - saving into the big group: 20 saves one after another, median;
 * - two instances behind a round-robin proxy, same load: throughput beside one instance's, and
 *   every answered save stored, and no detection key on two conflicts.
 *
 * Needs a production build (`npm run build`; built here when `.next` is missing) and PostgreSQL:
 * BENCH_DATABASE_URL (an admin connection; default postgres://postgres@127.0.0.1:5432/postgres).
 * BENCH_SECONDS (default 10) is each load's duration; BENCH_DATABASE_NAME (default crosscheck_bench)
 * names the databases it makes and drops.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import hdr from "hdr-histogram-js";
import pg from "pg";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { parseValue } from "@/lib/domain/values.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { createClaim } from "@/lib/server/claims.ts";
import { db, installDatabase, openDatabase } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { readerProposals } from "@/lib/server/suggestions.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { grantMembership } from "@/lib/server/memberships.ts";
import { migrate } from "@/lib/server/migrate.ts";
import { chromiumLaunch } from "@/tests/support/chromium.ts";
import { serverActionId } from "@/tests/support/server-actions.ts";
import { createUser } from "@/lib/server/users.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 50_000);
const GROUP = Number(process.env.BENCH_GROUP ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The databases this run makes and drops: another name lets two runs share one PostgreSQL. */
const DATABASE = process.env.BENCH_DATABASE_NAME ?? "crosscheck_bench";
const CONNECTIONS = 16;
/** BENCH_ONLY=reader: the story and the reader alone (no loads, no suggestions, no fact sheet). */
const ONLY_READER = process.env.BENCH_ONLY === "reader";
// Ports of their own for each run, so a run never meets a server left by another.
// BENCH_PORT: a port of one's own, where several people share a machine.
const APP_PORT = Number(process.env.BENCH_PORT) || 33_000 + Math.floor(Math.random() * 10_000);
const FLOOR_PORT = APP_PORT + 1;
/** Servers this run started: stopped however it ends. */
const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.kill()));
const SYSTEM = { actorId: null, requestId: "bench" };
const PASSWORD = "bench-password-123";

type Row = { what: string; goal: string; measured: string; floor: string; ratio: string; pass: string };
const rows: Row[] = [];
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Load with autocannon; latency percentiles from our own histogram (autocannon reports no p95). */
async function load(options: autocannon.Options): Promise<{ p50: number; p95: number; rps: number; ok: number; errors: number }> {
  const latencies = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000, numberOfSignificantValueDigits: 3 });
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options, histograms: { latencies } } as never);
  return {
    p50: latencies.getValueAtPercentile(50),
    p95: latencies.getValueAtPercentile(95),
    rps: result.requests.average,
    ok: result["2xx"],
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), 120_000);
    const watch = (chunk: Buffer) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", watch);
    child.stderr?.on("data", (c: Buffer) => process.stderr.write(c));
    child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// The floor: one INSERT per request, in a process of its own.

async function measureFloor(url: string) {
  const floorServer = `
    const http = require("node:http");
    const pg = require("pg");
    const pool = new pg.Pool({ connectionString: ${JSON.stringify(url)}, max: 16 });
    pool.query("CREATE TABLE IF NOT EXISTS bench_floor (id serial PRIMARY KEY, payload text)").then(() => {
      http.createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => pool.query("INSERT INTO bench_floor (payload) VALUES ($1)", [body]).then(
          () => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"ok":true}'); },
          () => { res.writeHead(500); res.end(); }));
      }).listen(${FLOOR_PORT}, () => console.log("floor ready"));
    });`;
  const child = spawn(process.execPath, ["-e", floorServer], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  await waitForLine(child, /floor ready/);
  const result = await load({ url: `http://127.0.0.1:${FLOOR_PORT}/`, method: "POST", body: JSON.stringify({ claim: "x".repeat(300) }) });
  child.kill();
  return result;
}

// ---------------------------------------------------------------------------------------------
// The story: articles with figures, entities, claims in small groups, and one big group.

const FILLER = "Officials gave further details later in the day, and the figures were revised as reports came in. ";

async function seedStory(url: string) {
  const database = openDatabase({ url });
  await migrate(database);
  installDatabase(database);
  const user = await createUser(SYSTEM, { email: "bench@example.test", name: "Bench Analyst", role: "analyst", password: PASSWORD });
  const inv = await createInvestigation(SYSTEM, { title: "Bench story" });
  // Only members reach an investigation: the bench's account works on it as an analyst.
  await grantMembership(SYSTEM, { investigationId: inv.id, userId: user.id, role: "analyst" });
  const articles: { id: string; body: string }[] = [];
  for (let a = 0; a < 100; a++) {
    const text = Array.from({ length: 40 }, (_, i) => `The agency said ${a * 40 + i + 1} people were affected. ${FILLER}`).join("\n\n");
    const [outcome] = await importParsedArticles(SYSTEM, inv.id, [
      {
        name: `${a}.txt`,
        result: parseArticleText(`${a}.txt`, `Title: Report ${a}\nOutlet: Outlet ${a % 12}\nPublished: 2026-03-0${(a % 9) + 1}\n\n${text}`),
      },
    ]);
    if (outcome?.status !== "imported") throw new Error(`import failed: ${JSON.stringify(outcome)}`);
    articles.push({ id: outcome.articleId, body: (await db().article.findUniqueOrThrow({ where: { id: outcome.articleId } })).body });
  }
  const entities = 2_000;
  await db().entity.createMany({
    data: Array.from({ length: entities }, (_, e) => ({
      investigationId: inv.id,
      name: `${["Northern", "Southern", "Eastern", "Western"][e % 4]} ${["Water", "Power", "Transit", "Health"][(e >> 2) % 4]} Authority ${e}`,
      kind: "organization" as const,
    })),
  });
  const subjects = (await db().entity.findMany({ where: { investigationId: inv.id }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (e) => e.id,
  );
  const attributes = ["people affected", "homes damaged", "budget", "staff"];
  const claimRow = (subjectId: string, attribute: string, n: number, article: { id: string; body: string }) => {
    const quote = `${(n % 40) + 1 + Math.floor(articles.indexOf(article) * 40)} people`;
    const start = Math.max(0, article.body.indexOf(quote));
    // Each group has its figure; most claims agree with it, one in five is off by a tenth.
    const base = 1_000 + (hashOf(subjectId + attribute) % 900_000);
    const valueText = String(n % 5 === 4 ? Math.round(base * 1.1) : base);
    const parsed = parseValue(valueText, "number");
    if (!parsed.ok || parsed.value.kind !== "number") throw new Error(valueText);
    return {
      investigationId: inv.id,
      articleId: article.id,
      subjectId,
      subjectText: "the authority",
      attribute: attribute.replace(/ /g, "_"),
      attributeLabel: attribute,
      valueKind: "number" as const,
      valueText,
      valueNorm: parsed.value,
      valueLow: parsed.value.low,
      valueHigh: parsed.value.high,
      valueUnit: parsed.value.unit,
      valuePoint: parsed.value.point,
      quoteExact: article.body.slice(start, start + quote.length),
      quotePrefix: article.body.slice(Math.max(0, start - 32), start),
      quoteSuffix: article.body.slice(start + quote.length, start + quote.length + 32),
      positionStart: start,
      positionEnd: start + quote.length,
      createdById: user.id,
    };
  };
  const batch: ReturnType<typeof claimRow>[] = [];
  const flush = async () => void (batch.length && (await db().claim.createMany({ data: batch.splice(0) })));
  for (let n = 0; n < CLAIMS; n++) {
    batch.push(
      claimRow(subjects[n % (entities - 1)]!, attributes[Math.floor(n / entities) % attributes.length]!, n, articles[n % articles.length]!),
    );
    if (batch.length >= 2_000) await flush();
  }
  // The big group: one subject and attribute holding GROUP claims.
  const bigSubject = subjects[entities - 1]!;
  for (let n = 0; n < GROUP; n++) {
    batch.push(claimRow(bigSubject, "people affected", n, articles[n % articles.length]!));
    if (batch.length >= 2_000) await flush();
  }
  await flush();
  // What autovacuum does within a minute of a bulk load (statistics, visibility): the database
  // the loads below meet is one at rest, not one seconds after 50,000 rows arrived.
  await db().$executeRawUnsafe("VACUUM ANALYZE");
  const started = Date.now();
  const report = await redetect(SYSTEM, inv.id);
  const detectSeconds = (Date.now() - started) / 1000;
  // Again, with every conflict on record: what `crosscheck detect` costs an investigation at rest.
  const again = Date.now();
  await redetect(SYSTEM, inv.id);
  const redetectSeconds = (Date.now() - again) / 1000;
  return { inv, user, articles, subjects: subjects.slice(0, entities - 1), bigSubject, attributes, detectSeconds, redetectSeconds, report };
}

type Story = Awaited<ReturnType<typeof seedStory>>;

/** How many highlights the reader's article holds. */
const READER_HIGHLIGHTS = 500;

/** An article of READER_HIGHLIGHTS sentences, each figure in it recorded as a claim: what the reader bench opens. */
async function seedReaderArticle(story: Story): Promise<string> {
  const sentences = Array.from({ length: READER_HIGHLIGHTS }, (_, i) => `Station ${i + 1} reported ${1000 + i} litres of rain. ${FILLER}`);
  const text = Array.from({ length: READER_HIGHLIGHTS / 5 }, (_, p) => sentences.slice(p * 5, p * 5 + 5).join("")).join("\n\n");
  const [outcome] = await importParsedArticles(SYSTEM, story.inv.id, [
    { name: "reader.txt", result: parseArticleText("reader.txt", `Title: Rain by station\nPublished: 2026-03-09\n\n${text}`) },
  ]);
  if (outcome?.status !== "imported") throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  const { body } = await db().article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true } });
  const rows = Array.from({ length: READER_HIGHLIGHTS }, (_, i) => {
    const quote = `${1000 + i} litres`;
    const start = body.indexOf(`reported ${quote}`) + "reported ".length;
    const parsed = parseValue(String(1000 + i), "number");
    if (!parsed.ok || parsed.value.kind !== "number") throw new Error(quote);
    return {
      investigationId: story.inv.id,
      articleId: outcome.articleId,
      subjectId: story.subjects[i % story.subjects.length]!,
      subjectText: `Station ${i + 1}`,
      attribute: "rainfall",
      attributeLabel: "rainfall",
      valueKind: "number" as const,
      valueText: String(1000 + i),
      valueNorm: parsed.value,
      valueLow: parsed.value.low,
      valueHigh: parsed.value.high,
      valueUnit: parsed.value.unit,
      valuePoint: parsed.value.point,
      quoteExact: quote,
      quotePrefix: body.slice(Math.max(0, start - 32), start),
      quoteSuffix: body.slice(start + quote.length, start + quote.length + 32),
      positionStart: start,
      positionEnd: start + quote.length,
      createdById: story.user.id,
    };
  });
  const created = await db().claim.createManyAndReturn({ data: rows, select: { id: true } });
  // Real claims carry their history: recorded, and for every other one an edit after it.
  await db().auditEvent.createMany({
    data: created.flatMap(({ id }, i) =>
      (i % 2 ? ["claim.create"] : ["claim.create", "claim.update"]).map((action) => ({
        investigationId: story.inv.id,
        actorId: story.user.id,
        action,
        objectType: "Claim",
        objectId: id,
        requestId: "bench",
        after: { valueText: String(1000 + i) },
      })),
    ),
  });
  return outcome.articleId;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * The reader at READER_HIGHLIGHTS highlights, in Chromium against the production build: the page's
 * HTML from the server (median of 5), the JavaScript it transfers (compressed, as sent), the time
 * until every highlight is drawn and the page answers, then selecting words until the claim form
 * shows (median of 5, after a first opening that loads the form's code) and clicking a highlight
 * until its details show. Times in the page are measured in the page (performance.now), so the
 * test driver's round trips do not count.
 */
/**
 * The fact sheet of the whole story as JSON over HTTP (what `curl` or a newsroom's script gets),
 * timed to the last byte: the first request builds it; the next three (median) find it unchanged
 * and kept built. With its size.
 */
async function measureFactSheet(base: string, cookie: string, slug: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 4; i++) {
    const started = performance.now();
    const response = await fetch(`${base}/api/investigations/${slug}/factsheet?format=json`, { headers: { Cookie: cookie } });
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`fact sheet: ${response.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
    bytes = body.byteLength;
  }
  return { built: times[0]!, kept: median(times.slice(1)), bytes };
}

async function measureReader(base: string, cookie: string, path: string) {
  const server: number[] = [];
  let html = "";
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    html = await response.text();
    if (i) server.push(performance.now() - started);
    if (!response.ok) throw new Error(`reader page: ${response.status}`);
  }
  // The page's size as sent (uncompressed), and how much of it is the RSC payload (its inline scripts).
  const pageBytes = Buffer.byteLength(html);
  const payloadBytes = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]!),
    0,
  );
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name: name!, value: value.join("="), url: base };
      }),
    );
    // tsx names functions through a helper of its own, which the page's copies of them call.
    await context.addInitScript("globalThis.__name = (fn) => fn;");
    const page = await context.newPage();
    // Each script's size as it finishes; summed once the page is drawn and quiet, so the code
    // loaded later on demand (the claim form's) is not counted in what the page costs to open.
    const scriptSizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scriptSizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    const started = performance.now();
    await page.goto(`${base}${path}`, { waitUntil: "load" });
    // Drawn and answering: every highlight in place and React's handlers attached to the text.
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll("[data-claims]").length >= n &&
        Object.keys(document.querySelector('[aria-label="Article text"]') ?? {}).some((k) => k.startsWith("__reactProps")),
      READER_HIGHLIGHTS,
      { timeout: 60_000, polling: 20 },
    );
    const ready = performance.now() - started;
    await page.waitForLoadState("networkidle");
    const scriptBytes = (await Promise.all(scriptSizes.slice())).reduce((sum, n) => sum + n, 0);

    /** Selects the filler words of sentence `i` and times, in the page, until the claim form shows. */
    const selectToForm = (i: number) =>
      page.evaluate(async (i) => {
        const text = document.querySelector<HTMLElement>('[aria-label="Article text"]')!;
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        let node: Node | null;
        let seen = 0;
        while ((node = walker.nextNode())) {
          if (node.parentElement?.closest("[data-claims]") || !node.textContent?.includes("Officials gave")) continue;
          if (seen++ < i) continue;
          break;
        }
        if (!node) throw new Error("no filler text");
        const at = node.textContent!.indexOf("Officials gave");
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "Officials gave".length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        const box = range.getBoundingClientRect();
        const t0 = performance.now();
        text.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, clientX: box.left, clientY: box.top }));
        text.dispatchEvent(new MouseEvent("mouseup", { bubbles: true, clientX: box.left, clientY: box.top }));
        await new Promise<void>((resolve) => {
          const check = () => (document.getElementById("claim-value") ? resolve() : requestAnimationFrame(check));
          check();
        });
        // Painted: the frame after the form appeared.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - t0;
      }, i);
    const closeForm = async () => {
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.getElementById("claim-value"));
    };
    const firstForm = await selectToForm(0);
    await closeForm();
    const forms: number[] = [];
    for (let i = 1; i <= 5; i++) {
      forms.push(await selectToForm(i * 37));
      await closeForm();
    }
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      opens.push(
        await page.evaluate(async (i) => {
          const marks = document.querySelectorAll<HTMLElement>("[data-claims]");
          const mark = marks[(i * 97) % marks.length]!;
          const details = () => document.querySelector('[aria-label="Claim"]')?.textContent ?? null;
          const before = details();
          const t0 = performance.now();
          mark.click();
          await new Promise<void>((resolve) => {
            const check = () => {
              const shown = details();
              return shown !== null && shown !== before ? resolve() : requestAnimationFrame(check);
            };
            check();
          });
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - t0;
        }, i),
      );
      await page.keyboard.press("Escape");
    }
    return { server: median(server), pageBytes, payloadBytes, scriptBytes, ready, firstForm, form: median(forms), open: median(opens) };
  } finally {
    await browser.close();
  }
}

/** The reader's rows of the table. */
function readerRows(reader: NonNullable<Awaited<ReturnType<typeof measureReader>>>, floor: { p50: number }): Row[] {
  return [
    {
      what: `reader, ${READER_HIGHLIGHTS} highlights: page size (of which RSC payload), uncompressed`,
      goal: "(diagnosis)",
      measured: `${(reader.pageBytes / 1024).toFixed(0)} kB (${(reader.payloadBytes / 1024).toFixed(0)} kB)`,
      floor: "",
      ratio: "",
      pass: "",
    },
    {
      what: `reader, ${READER_HIGHLIGHTS} highlights: page from the server, median of 5`,
      goal: "≤ 100 ms",
      measured: ms(reader.server),
      floor: ms(floor.p50),
      ratio: `${(reader.server / Math.max(1, floor.p50)).toFixed(1)}×`,
      pass: reader.server <= 100 ? "pass" : "FAIL",
    },
    {
      what: `reader: select words → claim form, median of 5`,
      goal: "≤ 50 ms",
      measured: `${ms(reader.form)} (first, loading the form: ${ms(reader.firstForm)})`,
      floor: "",
      ratio: "",
      pass: reader.form <= 50 ? "pass" : "FAIL",
    },
    {
      what: `reader: click a highlight → its details, median of 5`,
      goal: "≤ 50 ms",
      measured: ms(reader.open),
      floor: "",
      ratio: "",
      pass: reader.open <= 50 ? "pass" : "FAIL",
    },
    {
      what: `reader: JavaScript transferred (compressed); drawn and answering after`,
      goal: "≤ 150 kB",
      measured: `${(reader.scriptBytes / 1024).toFixed(0)} kB; ready in ${ms(reader.ready)}`,
      floor: "",
      ratio: "",
      pass: reader.scriptBytes <= 150 * 1024 ? "pass" : "FAIL",
    },
  ];
}

function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

/** A new claim's form fields: a random figure on a random subject and attribute. */
function claimInput(story: Story, subjectId?: string, attribute?: string) {
  const article = story.articles[Math.floor(Math.random() * story.articles.length)]!;
  const at = article.body.indexOf("people were affected", Math.floor(Math.random() * (article.body.length - 200)));
  const start = at < 0 ? article.body.indexOf("people were affected") : at;
  return {
    investigationId: story.inv.id,
    articleId: article.id,
    start,
    end: start + "people were affected".length,
    subjectId: subjectId ?? story.subjects[Math.floor(Math.random() * story.subjects.length)]!,
    newSubjectName: "",
    newSubjectKind: "other" as const,
    subjectText: "the authority",
    attribute: attribute ?? story.attributes[Math.floor(Math.random() * story.attributes.length)]!,
    valueKind: "number" as const,
    valueText: String(1_000 + Math.floor(Math.random() * 900_000)),
    asOf: "",
    note: "",
  };
}

// ---------------------------------------------------------------------------------------------
// The app over HTTP.

/** Shared by every instance: sessions signed by one are read by the other. */
const AUTH_SECRET = randomBytes(32).toString("base64");

async function startApp(url: string, port = APP_PORT): Promise<ChildProcess> {
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: "production" as const,
    BETTER_AUTH_SECRET: AUTH_SECRET,
    BETTER_AUTH_URL: `http://localhost:${APP_PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Node runs Next directly (no npx in between), so killing the child stops the server.
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the app's server.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  await waitForLine(child, /Ready in/);
  return child;
}

/** A round-robin proxy in front of several instances (its own process), as a load balancer would be. */
async function startProxy(port: number, targets: number[]): Promise<ChildProcess> {
  const code = `
    const http = require("node:http");
    const targets = ${JSON.stringify(targets)};
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    let next = 0;
    http.createServer((req, res) => {
      const port = targets[next++ % targets.length];
      const upstream = http.request({ host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers, agent }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      upstream.on("error", () => { res.writeHead(502); res.end(); });
      req.pipe(upstream);
    }).listen(${port}, () => console.log("proxy ready"));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  await waitForLine(child, /proxy ready/);
  return child;
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": serverActionId("signIn"),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: base,
    },
    body: JSON.stringify([{ email: "bench@example.test", password: PASSWORD, next: "/investigations" }]),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!cookies.some((c) => c?.includes("session_token"))) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookies.join("; ");
}

function actionRequest(base: string, cookie: string, path: string, name: string) {
  return {
    url: `${base}${path}`,
    method: "POST" as const,
    headers: {
      "Next-Action": serverActionId(name),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: base,
      Cookie: cookie,
    },
  };
}

async function main() {
  console.log(
    `bench:http — ${CLAIMS.toLocaleString("en")} claims + a group of ${GROUP.toLocaleString("en")}, ${CONNECTIONS} connections, ${SECONDS} s per load`,
  );
  const floorUrl = await freshDatabase(`${DATABASE}_floor`);
  const floor = await measureFloor(floorUrl);
  console.log(`floor: p50 ${floor.p50} ms, p95 ${floor.p95} ms, ${floor.rps.toFixed(0)} req/s`);

  const url = await freshDatabase(DATABASE);
  const story = await seedStory(url);
  console.log(`seeded; detection from scratch over ${(CLAIMS + GROUP).toLocaleString("en")} claims: ${story.detectSeconds.toFixed(1)} s`);

  // An article's suggestions, as the reader asks for them (in-process): a first time, then median of 3.
  const suggestIn = story.articles.at(-1)!.id;
  const suggestTimes: number[] = [];
  for (let i = 0; i < (ONLY_READER ? 0 : 4); i++) {
    const started = performance.now();
    await readerProposals(story.inv.id, suggestIn, "UTC");
    suggestTimes.push(performance.now() - started);
  }
  const [firstSuggest, ...warmSuggest] = suggestTimes;

  // The data layer alone, in this process.
  const ctx = { actorId: story.user.id, requestId: "bench" };
  const layer = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000, numberOfSignificantValueDigits: 3 });
  let layerFailures = 0;
  const until = ONLY_READER ? 0 : Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        await createClaim(ctx, claimInput(story)).catch(() => layerFailures++);
        layer.recordValue(Math.max(1, Math.round(performance.now() - started)));
      }
    }),
  );

  const app = await startApp(url);
  try {
    const base = `http://localhost:${APP_PORT}`;
    const cookie = await signIn(base);
    const page = `/investigations/${story.inv.slug}/articles/${story.articles[0]!.id}`;
    const request = actionRequest(base, cookie, page, "createClaim");
    // One save first: it must succeed, or the load below measures refusals.
    const probe = await fetch(request.url, { ...request, body: JSON.stringify([claimInput(story)]) });
    const probeText = await probe.text();
    if (!probeText.includes('"ok":true')) throw new Error(`a save over HTTP failed: ${probe.status} ${probeText.slice(0, 400)}`);
    // The reader at 500 highlights, before the loads below add claims to the story.
    const readerArticle = await seedReaderArticle(story);
    const reader = await measureReader(base, cookie, `/investigations/${story.inv.slug}/articles/${readerArticle}`).catch(
      (error: unknown) => {
        console.log(`reader bench failed: ${String(error)}`);
        return null;
      },
    );
    if (ONLY_READER) {
      if (reader) rows.push(...readerRows(reader, floor));
      return;
    }
    const sheetClaims = await db().claim.count({ where: { investigationId: story.inv.id } });
    const sheet = await measureFactSheet(base, cookie, story.inv.slug).catch((error: unknown) => {
      console.log(`fact sheet bench failed: ${String(error)}`);
      return null;
    });
    // What Next.js itself costs: a route that runs one query, under the same load.
    const framework = await load({ url: `${base}/api/health` });
    const before = await db().claim.count({ where: { investigationId: story.inv.id } });
    const http = await load({ ...request, requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify([claimInput(story)]) }) }] });
    const saved = (await db().claim.count({ where: { investigationId: story.inv.id } })) - before;

    // Into the big group, one after another.
    const big: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await fetch(request.url, {
        ...request,
        body: JSON.stringify([claimInput(story, story.bigSubject, "people affected")]),
      });
      const text = await response.text();
      big.push(performance.now() - started);
      if (!text.includes('"ok":true')) {
        big.length = 0;
        console.log(`save into the big group failed: ${text.slice(0, 300)}`);
        break;
      }
    }
    const bigMedian = median(big);

    // Two instances behind a round-robin proxy, against the same PostgreSQL, under the same load.
    await startApp(url, APP_PORT + 2);
    await startProxy(APP_PORT + 3, [APP_PORT, APP_PORT + 2]);
    const viaProxy = actionRequest(`http://localhost:${APP_PORT + 3}`, cookie, page, "createClaim");
    const beforeTwo = await db().claim.count({ where: { investigationId: story.inv.id } });
    const two = await load({ ...viaProxy, requests: [{ setupRequest: (r) => ({ ...r, body: JSON.stringify([claimInput(story)]) }) }] });
    const savedTwo = (await db().claim.count({ where: { investigationId: story.inv.id } })) - beforeTwo;
    const duplicates = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT "detectionKey" FROM "Conflict" WHERE "investigationId" = ${story.inv.id}
        AND "detectionKey" IS NOT NULL GROUP BY "detectionKey" HAVING count(*) > 1) d`;

    const ratio = http.p95 / floor.p95;
    rows.push({
      what: `save a claim over HTTP, ${CONNECTIONS} writers, p95`,
      goal: "≤ 25 ms and ≤ 10× floor",
      measured: `${ms(http.p95)} (p50 ${ms(http.p50)}, ${http.rps.toFixed(0)}/s, ${saved} saved, ${http.errors} errors)`,
      floor: ms(floor.p95),
      ratio: `${ratio.toFixed(1)}×`,
      pass: http.p95 <= 25 && ratio <= 10 && http.errors === 0 ? "pass" : "FAIL",
    });
    rows.push({
      what: `Next.js route + 1 query (/api/health), p95`,
      goal: "(framework floor)",
      measured: `${ms(framework.p95)} (p50 ${ms(framework.p50)}, ${framework.rps.toFixed(0)}/s); save p95 is ${(http.p95 / framework.p95).toFixed(1)}× this`,
      floor: ms(floor.p95),
      ratio: `${(framework.p95 / floor.p95).toFixed(1)}×`,
      pass: "",
    });
    const duplicated = Number(duplicates[0]?.n ?? 0);
    rows.push({
      what: "same load, two instances behind a proxy",
      goal: "no lost saves, no duplicate conflicts",
      measured: `${ms(two.p95)} p95, ${two.rps.toFixed(0)}/s (one: ${http.rps.toFixed(0)}/s); ${savedTwo} saved of ${two.ok} answered; ${duplicated} duplicates`,
      floor: ms(floor.p95),
      ratio: `${(two.p95 / floor.p95).toFixed(1)}×`,
      // Saves still in flight when the load stops may land after autocannon stopped counting.
      pass: savedTwo >= two.ok && savedTwo <= two.ok + CONNECTIONS && duplicated === 0 && two.errors === 0 ? "pass" : "FAIL",
    });
    const layerP95 = layer.getValueAtPercentile(95);
    rows.push({
      what: `same saves, data layer in-process, p95`,
      goal: "(diagnosis)",
      measured: `${ms(layerP95)} (${layerFailures} failed)`,
      floor: ms(floor.p95),
      ratio: `${(layerP95 / floor.p95).toFixed(1)}×`,
      pass: "",
    });
    rows.push({
      what: `save into a group of ${GROUP.toLocaleString("en")} claims, median of ${big.length || 20}`,
      goal: "works, ≤ 50 ms",
      measured: Number.isNaN(bigMedian) ? "failed" : ms(bigMedian),
      floor: ms(floor.p50),
      ratio: Number.isNaN(bigMedian) ? "" : `${(bigMedian / Math.max(1, floor.p50)).toFixed(1)}×`,
      pass: !Number.isNaN(bigMedian) && bigMedian <= 50 ? "pass" : "FAIL",
    });
    if (reader) rows.push(...readerRows(reader, floor));
    if (sheet) {
      rows.push({
        what: `fact sheet of ${sheetClaims.toLocaleString("en")} claims, JSON over HTTP, built`,
        goal: "≤ 1 s (at 50,000 claims)",
        measured: `${ms(sheet.built)} (${(sheet.bytes / 1024 / 1024).toFixed(1)} MB); unchanged, kept built: ${ms(sheet.kept)}`,
        floor: ms(floor.p50),
        ratio: `${(sheet.built / Math.max(1, floor.p50)).toFixed(0)}×`,
        pass: sheet.built <= 1000 ? "pass" : "FAIL",
      });
    }
    const total = CLAIMS + GROUP;
    rows.push({
      what: `suggestions for one article, investigation of ${total.toLocaleString("en")} claims, median of 3`,
      goal: "≤ 1 s",
      measured: `${ms(median(warmSuggest))} (first: ${ms(firstSuggest!)})`,
      floor: "",
      ratio: "",
      pass: median(warmSuggest) <= 1000 ? "pass" : "FAIL",
    });
    rows.push({
      what: `full detection, ${total.toLocaleString("en")} claims / 2,000 entities, opening ${story.report.opened.toLocaleString("en")} conflicts`,
      goal: "≥ 100,000 claims/s",
      measured: `${Math.round(total / story.detectSeconds).toLocaleString("en")} claims/s (${story.detectSeconds.toFixed(1)} s)`,
      floor: "",
      ratio: "",
      pass: total / story.detectSeconds >= 100_000 ? "pass" : "FAIL",
    });
    rows.push({
      what: `full re-detection, same claims, every conflict on record (results of unchanged groups reused)`,
      goal: "≥ 100,000 claims/s",
      measured: `${Math.round(total / story.redetectSeconds).toLocaleString("en")} claims/s (${story.redetectSeconds.toFixed(1)} s)`,
      floor: "",
      ratio: "",
      pass: total / story.redetectSeconds >= 100_000 ? "pass" : "FAIL",
    });
  } finally {
    if (process.env.BENCH_NODE_ARGS) {
      // A profiled server writes its profile only when it exits by itself.
      for (const child of children) child.kill("SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    app.kill();
  }
}

function printTable() {
  const widths = (Object.keys(rows[0]!) as (keyof Row)[]).map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(["what", "goal", "measured", "floor", "ratio", "pass"]));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line([r.what, r.goal, r.measured, r.floor, r.ratio, r.pass]));
}

await main().then(
  async () => {
    printTable();
    await db().$disconnect();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
