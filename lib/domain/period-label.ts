/**
 * The quarter or half of a year a reported figure is of, as its label's qualifier: "Revenue, first
 * quarter of 2022". A company's revenue of one quarter is no update of another quarter's, nor does
 * it contradict it: the period belongs to what is measured, as analysts label it, not to when the
 * figure was read.
 */

const ORDINALS = ["first", "second", "third", "fourth"] as const;

/**
 * A quarter or half written in a sentence: "first-quarter revenue", "the third quarter of fiscal
 * 2025", "its fiscal second quarter", "Q3 2024", "first-half profit", "the fourth quarter of last year".
 */
const PERIOD =
  /\b(?:(fiscal|financial)[\s-]+(?:year\s+)?)?(?:(first|second|third|fourth)[\s-]quarter|(first|second)[\s-]half|Q([1-4])|H([12]))\b(?:(?:\s+of)?\s+(?:(?:the\s+)?(fiscal|financial)\s+(?:year\s+)?)?(?:FY\s?)?((?:19|20)\d\d)\b|\s+of\s+(last|this)\s+year\b)?/gi;

/** "the second half of March", "the first half of the season": a part of something else, not of a year. */
const PART_OF_OTHER = /^\s+of\s+(?!(?:the\s+)?(?:fiscal|financial|last\s+year|this\s+year|(?:19|20)\d\d))/i;

/** "from the second quarter", "than in the first half": what a figure is compared with. */
const COMPARED_WITH = /\b(?:from|than|over|versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:in\s+)?(?:the\s+|its\s+|a\s+)?$/i;

/**
 * "up from $9.24 billion a year earlier", "the $9.24 billion it made in the same period a year
 * before": the same period of the year before.
 */
const YEAR_BEFORE =
  /^\s*(?:,\s*)?(?:(?:it|they|the\s+company|the\s+group)\s+(?:made|earned|posted|reported|recorded|booked|took\s+in|brought\s+in)\s+)?(?:in\s+)?(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|the\s+(?:same|year-earlier|year-ago)\s+(?:quarter|period)(?:\s+(?:a|last)\s+year)?(?:\s+(?:earlier|ago|before))?)\b/i;

/** Whether the words before a period make it what a figure is compared with ("than in the", "from the"). */
export const comparedWith = (before: string): boolean => COMPARED_WITH.test(before);

/** A whole year written after a figure: "for the year", "for the full year", "for the whole of 2023". */
const YEAR_AFTER = /^[^,;.]{0,20}?\b(?:for|over|during)\s+(?:the\s+)?(?:(?:full|whole|entire|calendar)[\s-]+)?(?:year\b|whole\s+of\b)/i;
/** A year written after a figure: "in 2023", "for 2025". */
const OTHER_YEAR_AFTER = /^[^,;.]{0,20}?\b(?:in|for)\s+(?:fiscal\s+)?((?:19|20)\d\d)\b/i;
/** A whole year named between the period and a figure: "and a full-year forecast of", "; annual revenue was". */
const YEAR_BETWEEN = /\b(?:full|whole)[\s-]year\b|\b(?:annual|yearly)\b|\bfor\s+the\s+year\b/i;

export type Period = { words: string; fiscal: boolean; year: number; written: boolean; start: number; end: number };

/** The periods a sentence names, each with its year (written, or the latest such begun by `published`). */
export function periodsIn(sentence: string, published: Date | null): Period[] {
  const found: Period[] = [];
  for (const m of sentence.matchAll(PERIOD)) {
    const end = m.index + m[0].length;
    if (!m[7] && !m[8] && PART_OF_OTHER.test(sentence.slice(end, end + 30))) continue;
    // "up 14% from the second quarter": the period compared with is not the figure's.
    if (COMPARED_WITH.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue;
    const quarter = m[2] ? ORDINALS.indexOf(m[2].toLowerCase() as (typeof ORDINALS)[number]) + 1 : m[4] ? +m[4] : 0;
    const half = m[3] ? (m[3].toLowerCase() === "first" ? 1 : 2) : m[5] ? +m[5] : 0;
    // "Q3" and "H1" are the capitals of reports; "q3" or "h1" in running text is something else.
    if ((m[4] || m[5]) && !/\b[QH][1-4]/.test(m[0])) continue;
    const fiscal = Boolean(m[1] || m[6]);
    let year: number | null = m[7] ? +m[7] : null;
    if (!year && m[8] && published) year = published.getUTCFullYear() - (m[8].toLowerCase() === "last" ? 1 : 0);
    const written = year !== null;
    // A fiscal period without its year is the company's own calendar: no year can be given for it.
    if (!year && !fiscal && published) {
      // Reports tell what was: "first quarter" in an April report is this year's, "fourth quarter" last year's.
      const firstMonth = quarter ? quarter * 3 - 2 : half * 6 - 5;
      year = published.getUTCFullYear() - (firstMonth <= published.getUTCMonth() + 1 ? 0 : 1);
    }
    if (!year) continue;
    const words = quarter ? `${ORDINALS[quarter - 1]} quarter` : `${ORDINALS[half - 1]} half`;
    found.push({ words, fiscal, year, written, start: m.index, end });
  }
  return found;
}

/**
 * The period a figure of a sentence is of: the one period its sentence names, or, of several, the
 * nearest before it. A sum "a year earlier" is the same period of the year before (`yearBefore`); a
 * change "from a year earlier" is of the period itself. Offsets are the sentence's.
 */
export function periodOfFigure(
  sentence: string,
  value: { start: number; end: number; kind: string },
  published: Date | null,
): (Period & { yearBefore: boolean }) | null {
  const periods = periodsIn(sentence, published).filter((p) => p.end <= value.start || p.start >= value.end);
  if (!periods.length) return null;
  const distinct = new Set(periods.map((p) => periodText(p)));
  const period = distinct.size === 1 ? periods[0] : periods.filter((p) => p.end <= value.start).at(-1);
  if (!period) return null;
  // "… and it expects $5 billion for the year", "after $4 billion in 2023", "its annual revenue of
  // $5 billion": a figure of another time than the period the sentence named.
  const after = sentence.slice(value.end, value.end + 40);
  const year = OTHER_YEAR_AFTER.exec(after);
  if (YEAR_AFTER.test(after) || (year && +year[1]! !== period.year)) return null;
  if (period.end <= value.start && YEAR_BETWEEN.test(sentence.slice(period.end, value.start))) return null;
  const yearBefore = value.kind !== "percentage" && YEAR_BEFORE.test(sentence.slice(value.end, value.end + 50));
  return { ...period, yearBefore };
}

/** A period as a label's qualifier: "first quarter of 2022", "third quarter of fiscal 2024". */
export const periodText = (p: { words: string; fiscal: boolean; year: number }): string =>
  `${p.words} of ${p.fiscal ? "fiscal " : ""}${p.year}`;

/** A label's period qualifier, with its parts: ", first quarter of 2022", ", second half of fiscal 2024". */
const QUALIFIER_PARTS = /,\s+((?:first|second|third|fourth)\s+(?:quarter|half))\s+of\s+(fiscal\s+)?((?:19|20)\d\d)$/i;

/**
 * The qualifier for a figure's period, in the investigation's calendar: a period whose year the
 * text leaves out ("third-quarter revenue") takes the fiscal year of the investigation's labels
 * when they count in fiscal years ("Revenue, third quarter of fiscal 2025"), the label's own first.
 */
export function qualifierFor(period: Period & { yearBefore: boolean }, labels: string[]): string {
  let p: { words: string; fiscal: boolean; year: number } = period;
  if (!period.written) {
    const fiscal = labels.map((l) => QUALIFIER_PARTS.exec(l)).filter((m) => m?.[2]);
    const same = fiscal.find((m) => m![1]!.toLowerCase() === period.words) ?? fiscal[0];
    if (same) p = { words: period.words, fiscal: true, year: +same[3]! };
  }
  return periodText({ ...p, year: p.year - (period.yearBefore ? 1 : 0) });
}

/** Whether a label is qualified by a period of the year: "Revenue, third quarter of fiscal 2025". */
export const hasPeriod = (label: string): boolean => QUALIFIER_PARTS.test(label);

/** A label with the figure's period in place of any it had: "Revenue" → "Revenue, first quarter of 2022". */
export function withPeriod(label: string, period: string): string {
  return `${label.replace(QUALIFIER_PARTS, "")}, ${period}`;
}

/**
 * A label's election qualifier: ", 2024 general election", ", 2022 midterm elections". A party's
 * share of one election's vote is no update of its share in another, as one quarter's revenue is
 * none of another's.
 */
const ELECTION_QUALIFIER = /,\s+((?:19|20)\d\d)\s+((?:[a-z]+\s+){0,2}(?:elections?|referendum|primary|primaries|midterms|polls))$/i;
/** A year the sentence gives a figure: "43.6% in 2019", or one opening the sentence ("In 2019, …"). */
const YEAR_OPENING = /^\s*(?:In|At|For)\s+(?:the\s+)?((?:19|20)\d\d)\b/;

/**
 * The election a party's result is of, in the investigation's own words: when its labels name an
 * election ("Seats won, 2024 general election"), a result they do not yet qualify ("Vote share")
 * takes the same words, with the year the sentence gives the figure ("from 43.6% in 2019") or
 * else the latest year the labels give that has begun by the publication day. Null when the
 * investigation names no election in its labels, or names none of the article's year or before.
 */
export function electionQualifier(
  sentence: string,
  value: { start: number; end: number },
  labels: string[],
  published: Date | null,
): string | null {
  const named = labels.map((l) => ELECTION_QUALIFIER.exec(l)).filter((m) => m !== null);
  if (!named.length) return null;
  const words = named[0]![2]!.toLowerCase();
  const written = OTHER_YEAR_AFTER.exec(sentence.slice(value.end, value.end + 40)) ?? YEAR_OPENING.exec(sentence);
  if (written) return `${written[1]} ${words}`;
  const years = named.map((m) => +m[1]!).filter((y) => !published || y <= published.getUTCFullYear());
  return years.length ? `${Math.max(...years)} ${words}` : null;
}

/** Whether a label is qualified by an election: "Vote share, 2024 general election". */
export const hasElection = (label: string): boolean => ELECTION_QUALIFIER.test(label);
