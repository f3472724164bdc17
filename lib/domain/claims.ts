/** Rules about claims that hold wherever a claim is made: the form, the seed, the command line. */
import { foldText } from "@/lib/domain/text.ts";

export const ENTITY_KINDS = ["person", "organization", "product", "place", "event", "other"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const CLAIM_STATUSES = ["active", "rejected", "superseded", "retracted"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** "Annual recurring revenue" → "annual_recurring_revenue": the key claims are compared under. */
export function attributeKey(label: string): string {
  return foldText(label)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 80);
}

/** Names are compared folded: "The Pentagon’s Michael" and "the pentagon's michael" are one alias. */
export const foldName = foldText;

/**
 * How the text names a subject, when the analyst did not say: one of its names (canonical or
 * alias) as the text writes it, in the quote, else the nearest before it; else the canonical name
 * (the first given). Only where a name stands as words ("Anthropic", not "Anthropics"); longer
 * names first ("Emil Michael" before "Michael").
 */
export function mentionOf(names: string[], quote: string, before = ""): string {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  // The first mention in `text` (or the last, from its end), longer names first where two start together.
  const found = (text: string, fromEnd: boolean): string | null => {
    const lower = text.toLowerCase();
    // A few letters change length when lowered (İ): then offsets would not line up.
    if (lower.length !== text.length) return null;
    let best: { at: number; name: string } | null = null;
    for (const name of wanted) {
      const folded = name.toLowerCase();
      for (let at = fromEnd ? lower.lastIndexOf(folded) : lower.indexOf(folded); at >= 0;) {
        const standsAlone = !/\p{L}/u.test(text[at - 1] ?? "") && !/\p{L}/u.test(text[at + name.length] ?? "");
        if (standsAlone) {
          const better = !best || (fromEnd ? at + name.length > best.at + best.name.length : at < best.at);
          if (better) best = { at, name };
          break;
        }
        at = fromEnd ? (at > 0 ? lower.lastIndexOf(folded, at - 1) : -1) : lower.indexOf(folded, at + 1);
      }
    }
    return best ? text.slice(best.at, best.at + best.name.length) : null;
  };
  return found(quote, false) ?? found(before, true) ?? names[0] ?? "";
}

/**
 * The name a text value leads with when it goes on to say where that is: "Alhaurín de la Torre,
 * near Málaga" → "Alhaurín de la Torre". Only the part before the first comma, without digits, and
 * only ever used when that part is an entity's name or alias and the whole text is not (so a
 * "Paris, Texas" still reads as Paris when only a "Paris" entity exists: a known limit).
 */
export function leadingName(text: string): string | null {
  const comma = text.indexOf(",");
  if (comma <= 0) return null;
  const lead = text.slice(0, comma).trim();
  const rest = text.slice(comma + 1).trim();
  return lead && rest && !/\d/.test(lead) ? lead : null;
}

/** This entity and every entity inside it, transitively: none of them can be what it is part of. */
export function selfAndParts(entities: { id: string; partOfId: string | null }[], entityId: string): Set<string> {
  const inside = new Set([entityId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of entities) {
      if (e.partOfId && inside.has(e.partOfId) && !inside.has(e.id)) {
        inside.add(e.id);
        grew = true;
      }
    }
  }
  return inside;
}

export type SubjectOption = { id: string; name: string; kind: EntityKind; aliases: string[] };

/** Subjects whose name or alias contains the query (folded), canonical-name matches first. */
export function matchSubjects(options: SubjectOption[], query: string, limit = 20): (SubjectOption & { matched: string })[] {
  const q = foldText(query);
  if (!q) return options.slice(0, limit).map((o) => ({ ...o, matched: o.name }));
  const scored: { option: SubjectOption; matched: string; rank: number }[] = [];
  for (const option of options) {
    const name = foldText(option.name);
    if (name.startsWith(q)) scored.push({ option, matched: option.name, rank: 0 });
    else if (name.includes(` ${q}`)) scored.push({ option, matched: option.name, rank: 1 });
    else if (name.includes(q)) scored.push({ option, matched: option.name, rank: 2 });
    else {
      const alias = option.aliases.find((a) => foldText(a).includes(q));
      if (alias) scored.push({ option, matched: alias, rank: 3 });
    }
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.option.name.localeCompare(b.option.name))
    .slice(0, limit)
    .map(({ option, matched }) => ({ ...option, matched }));
}

/** The label to show for an attribute written several ways: the one most claims use, capitalised first on a tie. */
export function preferredLabel(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? "";
}

/** An attribute already used in an investigation, as the claim form offers it. */
export type AttributeUse = { key: string; label: string; count: number };

/** The words of a label, folded, without the little words that do not tell measures apart. */
function attributeWords(label: string): string[] {
  return foldText(label)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !ATTRIBUTE_STOPWORDS.has(w));
}
const ATTRIBUTE_STOPWORDS = new Set(["the", "of", "a", "an", "in", "for", "to", "and", "on", "by", "total", "number"]);

/**
 * Attributes matching what is typed, most used first: every word typed starts a word of the
 * label ("contr aw" finds "AI contracts awarded"), in any order. Nothing typed lists them all.
 */
export function matchAttributes(attributes: AttributeUse[], query: string, limit = 20): AttributeUse[] {
  const typed = foldText(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return attributes
    .filter((a) => {
      const words = foldText(a.label).split(/[^a-z0-9]+/);
      return typed.every((t) => words.some((w) => w.startsWith(t)));
    })
    .sort((x, y) => y.count - x.count || x.label.localeCompare(y.label))
    .slice(0, limit);
}

/**
 * An existing attribute that a new label probably means, so the form can say so before a second
 * name splits one measure in two ("Contracts awarded total" beside "AI contracts awarded"): the
 * one sharing the most words, when the words shared are most of the shorter label's (plurals aside).
 * Null when the label is an existing attribute or none is close.
 */
export function closeAttribute(attributes: AttributeUse[], label: string): AttributeUse | null {
  const key = attributeKey(label);
  if (!key || attributes.some((a) => a.key === key)) return null;
  const stem = (w: string) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w);
  const mine = new Set(attributeWords(label).map(stem));
  if (!mine.size) return null;
  let best: { attribute: AttributeUse; score: number } | null = null;
  for (const a of attributes) {
    const theirs = new Set(attributeWords(a.label).map(stem));
    if (!theirs.size) continue;
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const score = shared / Math.min(mine.size, theirs.size);
    if (shared > 0 && score >= 0.66 && (!best || score > best.score || (score === best.score && a.count > best.attribute.count))) {
      best = { attribute: a, score };
    }
  }
  return best?.attribute ?? null;
}
