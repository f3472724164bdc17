/**
 * Crosscheck's command line: the same lib/ functions as the app.
 *   npm run crosscheck -- help
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createUserInput } from "@/lib/domain/inputs.ts";
import type { ImportOutcome } from "@/lib/domain/article-import.ts";
import { databaseOptionsFromEnv, describeDatabase, getDatabase } from "@/lib/server/database.ts";
import { importPaths } from "@/lib/server/file-import.ts";
import { databaseIsEmpty, findInvestigation } from "@/lib/server/investigations.ts";
import { migrate } from "@/lib/server/migrate.ts";
import { redetect } from "@/lib/server/detection.ts";
import { plural } from "@/lib/domain/format.ts";
import { FACTSHEET_FORMATS, factSheetChunks, type FactSheetFormat, FORMAT_INFO } from "@/lib/domain/factsheet-formats.ts";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { factSheetOf } from "@/lib/server/factsheet.ts";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { recordBackup, restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { type IssuedLink, resetPasswordLink } from "@/lib/server/password-links.ts";
import { createUser, enabledAdminId, userIdByEmail } from "@/lib/server/users.ts";
import { loadCorpusStory } from "@/seed/corpus.ts";
import { DEMO_PASSWORD, DemoSeedRefused, seedDemo } from "@/seed/demo.ts";

const HELP = `Usage: npm run crosscheck -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  seed [--if-empty] [--allow-production]    load the demo story and demo accounts
  create-user --email E --name N --role R   create an account (analyst, reviewer or admin);
              [--password-stdin]            the password is asked for, or read from stdin;
                                            left empty, a one-time set-password link is printed
  password-link --email E                   a one-time link with which that person sets a new
                                            password (e.g. an account a restore made)
  import <files or folders> --investigation <slug>
                                            import .txt and .md articles
  detect --investigation <slug>             recompute every detected conflict from scratch
  export --investigation <slug> [--format md|json|csv|html|jsonld] [--compact] [--out file]
                                            the reconciled fact sheet (Markdown by default;
                                            to standard output unless --out is given); JSON
                                            and JSON-LD are indented unless --compact
  backup --investigation <slug> --as <admin-email> [--out file]
                                            everything about one investigation, in one JSON file,
                                            as the admin named by --as (audited)
  restore <file> --as <admin-email> [--slug new-slug]
                                            load a backup (under a new slug beside the original),
                                            as the admin named by --as, who leads it; its members
                                            come back with their roles
  load-corpus <story folder> [--slug s] [--as admin-email]
                                            load a story of the evaluation corpus (tests/corpus/...)
                                            as an investigation, annotated, to look at in the app
                                            (led by the admin named by --as)
  suggest --investigation <slug> [--article <id>] [--format text|json]
                                            suggested claims: each value the parser reads with a
                                            guessed subject, attribute and as-of (learned from the
                                            claims already recorded), and a confidence

The database is PostgreSQL when DATABASE_URL is set, else embedded PGlite in
CROSSCHECK_DATA_DIR (default .data/pglite).`;

const cliContext = () => ({ actorId: null, requestId: `cli-${randomUUID()}` });

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const database = getDatabase();
  try {
    const report = await migrate(database);
    if (report.applied.length > 0) console.log(`Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`);
    switch (command) {
      case "migrate":
        console.log(`Database is up to date (${describeDatabase(databaseOptionsFromEnv())}).`);
        return 0;
      case "seed":
        return await seed(rest);
      case "create-user":
        return await createUserCommand(rest);
      case "password-link":
        return await passwordLinkCommand(rest);
      case "import":
        return await importCommand(rest);
      case "detect":
        return await detectCommand(rest);
      case "export":
        return await exportCommand(rest);
      case "backup":
        return await backupCommand(rest);
      case "load-corpus":
        return await loadCorpus(rest);
      case "restore":
        return await restoreCommand(rest);
      case "suggest":
        return await suggestCommand(rest);
      default:
        console.error(`Unknown command “${command}”.\n\n${HELP}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { "if-empty": { type: "boolean" }, "allow-production": { type: "boolean" } } });
  if (values["if-empty"] && !(await databaseIsEmpty())) return 0;
  try {
    const report = await seedDemo({ allowProduction: values["allow-production"] });
    const imported = report.articles.filter((a) => a.status === "imported").length;
    console.log(
      report.investigationCreated || imported || report.usersCreated.length || report.claimsCreated || report.decided
        ? `Demo story loaded: ${imported} article(s) imported, ${report.claimsCreated} claim(s) annotated, ` +
            `${report.usersCreated.length} demo account(s) created${report.decided ? ", one conflict settled as an example" : ""}.`
        : "Demo story already loaded; nothing changed.",
    );
    if (report.usersCreated.length) {
      console.log(`Demo accounts (demo only): ${report.usersCreated.join(", ")} — password “${DEMO_PASSWORD}”.`);
    }
    return printOutcomes(report.articles.filter((a) => a.status === "failed"));
  } catch (error) {
    if (error instanceof DemoSeedRefused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function loadCorpus(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { slug: { type: "string" }, as: { type: "string" } },
  });
  const dir = positionals[0];
  if (!dir || !existsSync(path.join(dir, "annotations.ts"))) {
    console.error("Name a story folder of the corpus, e.g. tests/corpus/valencia-floods-2024.");
    return 1;
  }
  // Whoever creates an investigation leads it: the admin named, or nobody (an admin joins it later).
  const lead = values.as ? await enabledAdminId(values.as) : null;
  if (values.as && !lead) {
    console.error(`--as names an enabled admin account; “${values.as}” is not one.`);
    return 1;
  }
  const ctx = lead ? { actorId: lead, requestId: `cli-${randomUUID()}` } : cliContext();
  const loaded = await loadCorpusStory(ctx, path.resolve(dir), { slug: values.slug });
  console.log(
    `Loaded “${loaded.investigation.title}” at /investigations/${loaded.investigation.slug}: ` +
      `${loaded.articles} article(s), ${loaded.created} claim(s), zone ${loaded.investigation.timeZone}.`,
  );
  return 0;
}

async function createUserCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "admin" },
      "password-stdin": { type: "boolean" },
    },
  });
  const password = values["password-stdin"] || !process.stdin.isTTY ? await readStdinLine() : await promptPassword();
  const parsed = createUserInput.safeParse({ ...values, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  try {
    const user = await createUser(cliContext(), parsed.data);
    console.log(`Created ${parsed.data.role} ${user.email}.`);
    if (user.invite) printLink(user.invite);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

function printLink(link: IssuedLink) {
  console.log(`One-time link to set the password (works once, until ${link.expiresAt.toISOString()}):\n${link.url}`);
}

async function passwordLinkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" } } });
  const email = values.email?.trim().toLowerCase();
  if (!email) {
    console.error("Usage: npm run crosscheck -- password-link --email E");
    return 2;
  }
  const id = await userIdByEmail(email);
  if (!id) {
    console.error(`No account has the email ${email}.`);
    return 1;
  }
  printLink(await resetPasswordLink(cliContext(), { id }));
  return 0;
}

/** The investigation a command names with --investigation, or the exit code to stop with (usage 2, unknown 1). */
async function investigationArg(slug: string | undefined, usage: string, ok = true) {
  if (!slug || !ok) {
    console.error(`Usage: npm run crosscheck -- ${usage}`);
    return 2;
  }
  const investigation = await findInvestigation(slug);
  if (!investigation) console.error(`No investigation with the slug “${slug}”.`);
  return investigation ?? 1;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { investigation: { type: "string" } } });
  const investigation = await investigationArg(
    values.investigation,
    "import <files or folders> --investigation <slug>",
    positionals.length > 0,
  );
  if (typeof investigation === "number") return investigation;
  const outcomes = await importPaths(cliContext(), investigation.id, positionals);
  return printOutcomes(outcomes, true);
}

async function detectCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { investigation: { type: "string" } } });
  const investigation = await investigationArg(values.investigation, "detect --investigation <slug>");
  if (typeof investigation === "number") return investigation;
  // What it is doing, at most a line a second (to stderr: stdout keeps the outcome alone).
  let lastLine = 0;
  const r = await redetect(cliContext(), investigation.id, ({ phase, done, total }) => {
    if (Date.now() - lastLine < 1000) return;
    lastLine = Date.now();
    console.error(`  ${phase}${total ? `: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}` : "…"}`);
  });
  console.log(
    `${plural(r.found, "disagreement")} found: ${r.opened} new, ${r.updated} updated, ${r.reopened} reopened, ` +
      `${r.closed} closed as no longer holding; the rest unchanged.`,
  );
  return 0;
}

async function suggestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { investigation: { type: "string" }, article: { type: "string" }, format: { type: "string", default: "text" } },
  });
  const investigation = await investigationArg(
    values.investigation,
    "suggest --investigation <slug> [--article <id>] [--format text|json]",
    values.format === "text" || values.format === "json",
  );
  if (typeof investigation === "number") return investigation;
  const articles = await suggestForInvestigation(investigation.id, investigation.timeZone, values.article);
  if (values.article && !articles.length) {
    console.error(`No article with the id “${values.article}” in this investigation.`);
    return 1;
  }
  if (values.format === "json") {
    console.log(JSON.stringify({ investigation: investigation.slug, articles }, null, 2));
    return 0;
  }
  for (const a of articles) {
    console.log(`${a.title} (${a.articleId}): ${plural(a.proposals.length, "proposal")}`);
    for (const p of a.proposals) {
      const subject = p.subject.how === "none" ? "?" : p.subject.name;
      console.log(
        `  ${p.start}–${p.end} “${p.quote}” · ${subject} · ${p.attribute.label ?? "?"} = ${p.reading}` +
          `${p.asOf ? ` · as of ${p.asOf.reading}` : ""} · ${Math.round(p.confidence * 100)}%`,
      );
    }
  }
  return 0;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      investigation: { type: "string" },
      format: { type: "string", default: "md" },
      compact: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const usage = `export --investigation <slug> [--format ${FACTSHEET_FORMATS.join("|")}] [--compact] [--out file]`;
  const format = values.format as FactSheetFormat;
  const investigation = await investigationArg(values.investigation, usage, FACTSHEET_FORMATS.includes(format));
  if (typeof investigation === "number") return investigation;
  const progress = (text: string) => values.out && console.error(text);
  progress(`Reading “${investigation.title}”…`);
  const sheet = await factSheetOf(investigation.id);
  if (!sheet) return 1;
  progress(`Writing ${plural(sheet.facts.length, "fact")}, ${plural(sheet.sources.length, "source")} as ${FORMAT_INFO[format].label}…`);
  // Written as it is made: the whole text is never held at once.
  let bytes = 0;
  const chunks = Readable.from(
    (function* () {
      for (const chunk of factSheetChunks(sheet, format, { siteUrl: publicAddress(process.env), pretty: !values.compact })) {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      }
    })(),
  );
  if (values.out) {
    await pipeline(chunks, createWriteStream(values.out));
    console.log(`Wrote ${values.out} (${bytes} bytes).`);
  } else {
    await pipeline(chunks, process.stdout, { end: false });
  }
  return 0;
}

/** The command line acts as a named admin (`--as`): the id of that enabled admin, or the exit code. */
async function namedAdmin(email: string | undefined, usage: string): Promise<string | number> {
  if (!email) {
    console.error(`Usage: npm run crosscheck -- ${usage}\n--as names the admin account the command acts as.`);
    return 2;
  }
  const id = await enabledAdminId(email);
  if (!id) console.error(`--as names an enabled admin account; “${email}” is not one.`);
  return id ?? 1;
}

async function backupCommand(args: string[]): Promise<number> {
  const usage = "backup --investigation <slug> --as <admin-email> [--out file]";
  const { values } = parseArgs({ args, options: { investigation: { type: "string" }, out: { type: "string" }, as: { type: "string" } } });
  const investigation = await investigationArg(values.investigation, usage);
  if (typeof investigation === "number") return investigation;
  const admin = await namedAdmin(values.as, usage);
  if (typeof admin === "number") return admin;
  const out = values.out ?? `${investigation.slug}-backup-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}.json`;
  console.error(`Backing up “${investigation.title}” to ${out}…`);
  const report = await writeBackup(investigation.id, out, { onProgress: (table, rows) => console.error(`  ${table}: ${rows}`) });
  await recordBackup({ actorId: admin, requestId: `cli-${randomUUID()}` }, investigation.id, {
    slug: investigation.slug,
    file: out,
    bytes: report.bytes,
  });
  const c = report.counts;
  console.log(
    `Wrote ${out} (${report.bytes} bytes): ${plural(c.articles, "article")}, ${plural(c.claims, "claim")}, ` +
      `${plural(c.conflicts, "conflict")}, ${plural(c.audit, "audit event")}.`,
  );
  return 0;
}

async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { slug: { type: "string" }, as: { type: "string" } },
  });
  const usage = "restore <file> --as <admin-email> [--slug new-slug]";
  if (positionals.length !== 1) {
    console.error(`Usage: npm run crosscheck -- ${usage}`);
    return 2;
  }
  const lead = await namedAdmin(values.as, usage);
  if (typeof lead === "number") return lead;
  try {
    console.error(`Checking ${positionals[0]}…`);
    // A line when a table is done, and at most one a second while a large one loads.
    let lastLine = 0;
    const report = await restoreBackup({ actorId: lead, requestId: `cli-${randomUUID()}` }, positionals[0]!, {
      slug: values.slug,
      leadId: lead,
      onProgress: ({ table, done, total }) => {
        if (done < total && Date.now() - lastLine < 1000) return;
        lastLine = Date.now();
        console.error(`  restoring: ${table} ${done.toLocaleString("en")}${done < total ? ` of ${total.toLocaleString("en")}` : ""}`);
      },
    });
    const c = report.counts;
    console.log(
      `Restored “${report.slug}”: ${plural(c.articles, "article")}, ${plural(c.claims, "claim")}, ${plural(c.conflicts, "conflict")}.`,
    );
    if (report.usersCreated.length) console.log(`Accounts added, disabled until an admin enables them: ${report.usersCreated.join(", ")}.`);
    console.log(`${values.as} leads it; the backup's members are back with their roles.`);
    return 0;
  } catch (error) {
    if (error instanceof ExpectedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function printOutcomes(outcomes: ImportOutcome[], all = false): number {
  for (const o of outcomes) {
    if (o.status === "imported") {
      console.log(`imported   ${o.name} — “${o.title}”`);
      for (const w of o.warnings) console.log(`           warning: ${w}`);
    } else if (o.status === "duplicate" && all) console.log(`already in ${o.name} — same text as “${o.title}”`);
    else if (o.status === "failed") console.error(`failed     ${o.error}`);
  }
  if (all) {
    const count = (s: ImportOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
    console.log(`${count("imported")} imported, ${count("duplicate")} already there, ${count("failed")} failed.`);
  }
  return outcomes.some((o) => o.status === "failed") ? 1 : 0;
}

async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function promptPassword(): Promise<string> {
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Keep the typed password off the screen.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(q)) process.stdout.write(q);
      };
      rl.question(q, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) throw new Error("The passwords do not match.");
  return first;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
