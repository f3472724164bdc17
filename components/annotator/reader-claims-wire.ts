/**
 * The reader's claims as the article page sends them, and back. Its own module, with type imports
 * only: the reader's first load carries it (see reader-first-load.test.ts).
 *
 * An article of hundreds of claims sent them as hundreds of objects, each naming its every field
 * and repeating its subject, its author and the words it quotes (which the article already holds):
 * some 560 bytes a claim, serialised, parsed and written into the page on every visit. Here each
 * claim is a row of values in a fixed order, its subject and author an index into tables sent once
 * per page, its quote left out when it is the words its anchor points at, and its time a number.
 */
import type { ReaderClaim } from "@/lib/server/claims.ts";

type Anchor = NonNullable<ReaderClaim["anchor"]>;
type Subject = ReaderClaim["subject"];
type Conflict = ReaderClaim["conflicts"][number];

/** The fields most claims leave empty, present on a row only when one of them says something. */
type Rare = Pick<ReaderClaim, "statusReason" | "asOfText" | "note" | "accordingTo" | "method" | "appliesToPart" | "proposedConfidence">;

/**
 * One claim: id, version, status, subject (index), subjectText, attribute, attributeLabel (null
 * when the same as attribute), valueKind, valueText, reading, quote (null when the anchored words),
 * anchor ([start, end] when found by its position; with method and score otherwise; null when
 * orphaned), author (index, or null), updatedAt (ms), conflicts ([id, kind, status] each), and the
 * rare fields when any is set.
 */
export type ClaimRow = [
  id: string,
  version: number,
  status: ReaderClaim["status"],
  subject: number,
  subjectText: string,
  attribute: string,
  attributeLabel: string | null,
  valueKind: ReaderClaim["valueKind"],
  valueText: string,
  reading: string,
  quote: string | null,
  anchor: [number, number] | [number, number, Anchor["method"], number] | null,
  createdBy: number | null,
  updatedAt: number,
  conflicts: [string, Conflict["kind"], Conflict["status"]][],
  rare?: Rare,
];

export type PackedReaderClaims = {
  /** Each subject once: [id, name, kind]. */
  subjects: [string, string, Subject["kind"]][];
  /** Each author's name once. */
  people: string[];
  claims: ClaimRow[];
};

const RARE_FIELDS = ["statusReason", "asOfText", "note", "accordingTo", "method", "appliesToPart", "proposedConfidence"] as const;

/** The claims as the page sends them; `body` is the article's text they are anchored in. */
export function packReaderClaims(claims: ReaderClaim[], body: string): PackedReaderClaims {
  const subjects: PackedReaderClaims["subjects"] = [];
  const subjectIndex = new Map<string, number>();
  const people: string[] = [];
  const personIndex = new Map<string, number>();
  const rows = claims.map((c): ClaimRow => {
    let subject = subjectIndex.get(c.subject.id);
    if (subject === undefined) {
      subject = subjects.push([c.subject.id, c.subject.name, c.subject.kind]) - 1;
      subjectIndex.set(c.subject.id, subject);
    }
    let person: number | null = null;
    if (c.createdBy !== null) {
      person = personIndex.get(c.createdBy) ?? null;
      if (person === null) {
        person = people.push(c.createdBy) - 1;
        personIndex.set(c.createdBy, person);
      }
    }
    const a = c.anchor;
    const anchor: ClaimRow[11] =
      a === null ? null : a.method === "position" && a.score === 1 ? [a.start, a.end] : [a.start, a.end, a.method, a.score];
    const quoted = a !== null && body.slice(a.start, a.end) === c.quote;
    const row: ClaimRow = [
      c.id,
      c.version,
      c.status,
      subject,
      c.subjectText,
      c.attribute,
      c.attributeLabel === c.attribute ? null : c.attributeLabel,
      c.valueKind,
      c.valueText,
      c.reading,
      quoted ? null : c.quote,
      anchor,
      person,
      c.updatedAt.getTime(),
      c.conflicts.map((x) => [x.id, x.kind, x.status]),
    ];
    let rare: Rare | undefined;
    for (const field of RARE_FIELDS) {
      if (c[field] !== undefined) (rare ??= {} as Rare)[field] = c[field] as never;
    }
    if (rare) row.push(rare);
    return row;
  });
  return { subjects, people, claims: rows };
}

/** The claims again, as the reader works with them. */
export function unpackReaderClaims(packed: PackedReaderClaims, body: string): ReaderClaim[] {
  const subjects = packed.subjects.map(([id, name, kind]): Subject => ({ id, name, kind }));
  return packed.claims.map((row) => {
    const [id, version, status, subject, subjectText, attribute, attributeLabel, valueKind, valueText, reading, quote, a] = row;
    const anchor: ReaderClaim["anchor"] = a === null ? null : { start: a[0], end: a[1], method: a[2] ?? "position", score: a[3] ?? 1 };
    return {
      id,
      version,
      status,
      subject: subjects[subject]!,
      subjectText,
      attribute,
      attributeLabel: attributeLabel ?? attribute,
      valueKind,
      valueText,
      reading,
      quote: quote ?? body.slice(a![0], a![1]),
      anchor,
      createdBy: row[12] === null ? null : packed.people[row[12]]!,
      updatedAt: new Date(row[13]),
      conflicts: row[14].map(([id, kind, status]) => ({ id, kind, status })),
      ...row[15],
    };
  });
}
