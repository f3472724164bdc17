import { bench, describe } from "vitest";
import { detectNamingConflicts, detectNamingConflictsAllPairs, type NamedEntity } from "@/lib/domain/conflicts.ts";

/**
 * Naming detection (every pair of entities of one kind whose names probably name one thing) over
 * synthetic investigations of 1,000, 5,000 and 10,000 entities: people with and without first
 * names, titles and initials, organisations with acronyms and short forms, places, names with
 * numbers and possessive prefixes, and about one entity in ten a near-duplicate of another (a
 * typo, an initial, an acronym, a title, a possessive prefix). From scratch with blocking, and
 * after one entity changed (`focus`). Comparing every pair, as detection did before blocking, is
 * measured at 1,000 entities only: it takes minutes at 5,000 and more.
 */

/** A small seeded generator (mulberry32), so every run names the same entities. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Skewed towards the start of a list: a few common words, many rare ones.
  const pick = <T>(list: readonly T[], skew = 1): T => list[Math.floor(next() ** skew * list.length)]!;
  return { next, pick };
}

/** Words from lines of words. */
const words = (...lines: string[]) => lines.join(" ").split(" ");

const FIRST = words(
  "John Mary James Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph",
  "Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Sandra Mark Ashley Donald Emily Steven",
  "Donna Andrew Michelle Paul Carol Joshua Amanda Kenneth Melissa Kevin Deborah Brian Stephanie George Rebecca",
  "Timothy Laura Ronald Helen Jason Sharon Edward Cynthia Jeffrey Kathleen Ryan Amy Jacob Shirley Gary Angela",
  "Nicholas Anna Eric Ruth Jonathan Brenda Stephen Pamela Larry Nicole Justin Katherine Scott Virginia Brandon",
  "Catherine Benjamin Christine Samuel Dario Emil Pete Óscar Felipe Carlos María José Wei Li Fatima Mohammed",
  "Aisha Yuki Hiroshi",
);
const SYLLABLES = words(
  "an ber car dal en fer gan hol in jor kar lan mor nel or par quin ros sal tor ul van wes ya zel ström son ton",
  "ley field man berg ski ez ov",
);
const ORG_WORDS = words(
  "National International Federal Global United American European Pacific Northern Southern Central Royal General",
  "Standard Advanced Applied Public Private Digital Atlantic",
);
const ORG_NOUNS = words(
  "Bank Institute Agency Association Council Foundation Society Group Holdings Partners Laboratories Systems",
  "Industries Services Authority Commission Board Trust Network Union",
);
const ORG_SUFFIXES = words("Company Corporation Inc Ltd Co. Corp LLC International Brothers");
const FIELDS = words(
  "Defense Health Energy Commerce Transport Education Agriculture Meteorology Geology Finance Labor Justice",
  "Science Technology Fisheries Forestry Water Aviation Housing Culture",
);
const PLACE_TYPES = words("City Township County Province Village District Bay Harbour Valley Heights");
const HONORIFICS = words("Mr. Mrs. Ms. Dr. Prof. Sir Dame");

function syntheticEntities(count: number, seed = 1): NamedEntity[] {
  const { next, pick } = random(seed);
  const word = (min = 2, max = 3) => {
    const n = min + Math.floor(next() * (max - min + 1));
    const w = Array.from({ length: n }, () => pick(SYLLABLES, 1.3)).join("");
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const surnames = Array.from({ length: Math.max(50, count / 3) }, () => word());
  const placeWords = Array.from({ length: Math.max(50, count / 4) }, () => word(2, 4));
  const acronym = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => !["of", "the", "and", "for"].includes(w.toLowerCase()))
      .map((w) => w[0]!.toUpperCase())
      .join("");

  const person = (): NamedEntity => {
    const last = pick(surnames, 1.6);
    const first = pick(FIRST, 1.4);
    const r = next();
    const name =
      r < 0.55
        ? `${first} ${last}`
        : r < 0.7
          ? `${first} ${pick(FIRST)[0]}. ${last}`
          : r < 0.8
            ? `${first} ${pick(FIRST)} ${last}`
            : r < 0.9
              ? `${pick(HONORIFICS)} ${last}`
              : `${first} ${last} ${next() < 0.5 ? "Jr." : "III"}`;
    const aliases = next() < 0.25 ? [next() < 0.5 ? last : `${first[0]}. ${last}`] : [];
    return { id: "", name, kind: "person", aliases };
  };
  const organization = (): NamedEntity => {
    const r = next();
    const name =
      r < 0.3
        ? `${pick(ORG_WORDS, 1.5)} ${pick(FIELDS)} ${pick(ORG_NOUNS, 1.2)}`
        : r < 0.55
          ? `${word()} ${pick(ORG_SUFFIXES, 1.3)}`
          : r < 0.75
            ? `${pick(["Department", "Ministry", "Office", "Bureau"])} of ${pick(FIELDS)}${next() < 0.5 ? ` and ${pick(FIELDS)}` : ""}`
            : r < 0.9
              ? `${word()} ${pick(ORG_NOUNS, 1.2)} of ${pick(placeWords)}`
              : `${word()} ${pick(FIELDS)} ${pick(ORG_NOUNS)} ${Math.floor(next() * 30) + 1990}`;
    const aliases = next() < 0.4 ? [acronym(name)] : [];
    return { id: "", name, kind: "organization", aliases };
  };
  const place = (): NamedEntity => {
    const r = next();
    const base = pick(placeWords, 1.3);
    const name =
      r < 0.5
        ? base
        : r < 0.8
          ? `${base} ${pick(PLACE_TYPES)}`
          : r < 0.9
            ? `${pick(["North", "South", "East", "West", "New", "St."])} ${base}`
            : `Route ${Math.floor(next() * 200)}`;
    return { id: "", name, kind: "place", aliases: [] };
  };

  /** A near-duplicate: what another article calls the same thing. */
  const variant = (e: NamedEntity): NamedEntity => {
    const words = e.name.split(" ");
    const r = next();
    let name: string;
    if (r < 0.3 && e.name.length > 6) {
      const i = 1 + Math.floor(next() * (e.name.length - 2));
      name = e.name.slice(0, i) + e.name.slice(i + 1); // a dropped letter
    } else if (r < 0.45 && words.length > 1) {
      name = `${words[0]![0]}. ${words.slice(1).join(" ")}`;
    } else if (r < 0.6 && words.length > 1) {
      name = words.at(-1)!;
    } else if (r < 0.7) {
      name = `${pick(["the Pentagon", "Reuters", "the ministry", "Acme"])}'s ${e.name}`;
    } else if (r < 0.8 && e.kind === "organization") {
      name = acronym(e.name);
    } else if (r < 0.9) {
      name = e.name.toUpperCase();
    } else {
      name = words.join("-");
    }
    return { id: "", name, kind: e.kind, aliases: [] };
  };

  const entities: NamedEntity[] = [];
  while (entities.length < count) {
    const r = next();
    entities.push(r < 0.1 && entities.length ? variant(pick(entities)) : r < 0.55 ? person() : r < 0.85 ? organization() : place());
  }
  return entities.map((e, i) => ({ ...e, id: `e${String(i).padStart(5, "0")}` }));
}

const ONCE = { time: 0, warmupTime: 0 };

for (const size of [1000, 5000, 10_000]) {
  const entities = syntheticEntities(size);
  const changed = new Set([entities[Math.floor(size / 2)]!.id]);
  describe(`naming over ${size.toLocaleString("en-US")} entities`, () => {
    bench("from scratch, with blocking", () => void detectNamingConflicts(entities), { ...ONCE, iterations: 5, warmupIterations: 1 });
    bench("after one entity changed, with blocking", () => void detectNamingConflicts(entities, new Set(), changed), {
      ...ONCE,
      iterations: 5,
      warmupIterations: 1,
    });
    bench(
      "after one entity changed, every pair with it (as before)",
      () => void detectNamingConflictsAllPairs(entities, new Set(), changed),
      {
        ...ONCE,
        iterations: 3,
        warmupIterations: 1,
      },
    );
    if (size <= 1000) {
      bench("from scratch, every pair (as before)", () => void detectNamingConflictsAllPairs(entities), {
        ...ONCE,
        iterations: 2,
        warmupIterations: 0,
      });
    }
  });
}
