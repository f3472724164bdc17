/**
 * Dates as news copy writes them ("late 2023", "Q3 2024", "on Tuesday", "last July") read into
 * inclusive day ranges with a precision. Relative words resolve against the article's
 * publication date, backwards for what a report tells of and forwards for deadlines. Pure.
 */
import * as chrono from "chrono-node";
import { RELATIVE_DATE } from "@/lib/domain/relative-dates.ts";

export type DatePrecision = "day" | "week" | "month" | "quarter" | "part" | "year";

export type DateValue = {
  kind: "date";
  text: string;
  /** Inclusive day range, YYYY-MM-DD; null when unresolved. */
  start: string | null;
  end: string | null;
  precision: DatePrecision | null;
  resolved: boolean;
  /** Why it is unresolved, for the person reading. */
  reason?: string;
};

export type DateContext = {
  /** The article's publication date: relative dates ("last July", "on Tuesday") resolve against it. */
  referenceDate?: Date | null;
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = String.raw`(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const PARTS: Record<string, [number, number]> = {
  early: [1, 6],
  "the start of": [1, 3],
  "start of": [1, 3],
  "the beginning of": [1, 3],
  "beginning of": [1, 3],
  mid: [4, 9],
  "the middle of": [4, 9],
  "middle of": [4, 9],
  late: [7, 12],
  "the end of": [10, 12],
  "end of": [10, 12],
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
  h1: [1, 6],
  h2: [7, 12],
};

const ORDINALS = ["first", "second", "third", "fourth"];
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

function span(text: string, y: number, m1: number, m2: number, precision: DatePrecision): DateValue {
  return { kind: "date", text, start: iso(y, m1, 1), end: iso(y, m2, lastDay(y, m2)), precision, resolved: true };
}

function day(text: string, y: number, m: number, d: number): DateValue | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return { kind: "date", text, start: iso(y, m, d), end: iso(y, m, d), precision: "day", resolved: true };
}

function unresolved(text: string, reason: string): DateValue {
  return { kind: "date", text, start: null, end: null, precision: null, resolved: false, reason };
}

/** Absolute forms we read ourselves (chrono-node does not know "late 2023" or "Q3 2024"). */
export function parseAbsoluteDate(text: string): DateValue | null {
  const t = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^(?:in|on|by|during|from|since|as of)\s+/i, "");
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) return day(text, +m[1]!, +m[2]!, +m[3]!);
  m = t.match(/^(\d{4})-(\d{2})$/);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return span(text, +m[1]!, +m[2]!, +m[2]!, "month");
  m = t.match(/^(?:the )?(\d{4})$/);
  if (m && +m[1]! >= 1800 && +m[1]! < 2200) return span(text, +m[1]!, 1, 12, "year");
  // "2021 to 2023", "2019-2021": a span of whole years (model years, a term), no range of a count.
  m = t.match(/^(?:the )?(\d{4})\s*(?:-|–|—|to|through|until)\s*(\d{4})$/i);
  if (m && +m[1]! >= 1800 && +m[2]! < 2200 && +m[1]! < +m[2]! && +m[2]! - +m[1]! <= 50)
    return { kind: "date", text, start: iso(+m[1]!, 1, 1), end: iso(+m[2]!, 12, 31), precision: "year", resolved: true };
  // "the 1990s", "the early 2000s", "the late 1980s": a decade, or its first, middle or last years.
  m = t.match(/^(?:the )?(?:(early|mid|late)[ -])?((?:1[89]|20)\d)0s$/i);
  if (m) {
    const decade = +m[2]! * 10;
    const part = m[1]?.toLowerCase();
    // "the 1800s", "the late 1900s": a century, as English writes it; "the 2000s" is the decade.
    const scale = decade === 1800 || decade === 1900 ? 11 : 1;
    const [from, to] = part === "early" ? [0, 3] : part === "mid" ? [3, 6] : part === "late" ? [6, 9] : [0, 9];
    const [first, last] = [decade + from * scale, decade + to * scale];
    return { kind: "date", text, start: iso(first, 1, 1), end: iso(last, 12, 31), precision: "year", resolved: true };
  }
  m = t.match(/^(?:Q([1-4])|(?:the )?(first|second|third|fourth) quarter of)[ ,]*(?:of )?(?:FY)?(\d{4})$/i);
  if (m) {
    const q = m[1] ? +m[1] : ORDINALS.indexOf(m[2]!.toLowerCase()) + 1;
    return span(text, +m[3]!, q * 3 - 2, q * 3, "quarter");
  }
  // "the first half of 2022": January to June.
  m = t.match(/^(?:the )?(first|second) half of (\d{4})$/i);
  if (m) return m[1]!.toLowerCase() === "first" ? span(text, +m[2]!, 1, 6, "part") : span(text, +m[2]!, 7, 12, "part");
  m = t.match(new RegExp(`^(${Object.keys(PARTS).join("|")})[ -]?(?:of )?(\\d{4})$`, "i"));
  if (m) {
    const [a, b] = PARTS[m[1]!.toLowerCase()]!;
    return span(text, +m[2]!, a, b, "part");
  }
  // "the January-March quarter of 2024", "April to June 2024": the months from one to the other.
  m = t.match(new RegExp(`^${MONTH_SPAN}(?:,? (?:of )?(?<year>\\d{4}))$`, "i"));
  if (m?.groups) return monthSpan(text, +m.groups.year!, m.groups);
  m = t.match(new RegExp(`^${MONTH_RE},? (?:of )?(?<year>\\d{4})$`, "i"));
  if (m?.groups) {
    const month = monthIndex(m.groups.month!);
    return span(text, +m.groups.year!, month, month, "month");
  }
  m = t.match(new RegExp(`^(?:[a-z]+,? )?${MONTH_RE} (?<d>\\d{1,2})(?:st|nd|rd|th)?,? (?<year>\\d{4})$`, "i"));
  if (m?.groups) return day(text, +m.groups.year!, monthIndex(m.groups.month!), +m.groups.d!);
  m = t.match(new RegExp(`^(?:[a-z]+,? )?(?<d>\\d{1,2})(?:st|nd|rd|th)? ${MONTH_RE},? (?<year>\\d{4})$`, "i"));
  if (m?.groups) return day(text, +m.groups.year!, monthIndex(m.groups.month!), +m.groups.d!);
  return null;
}

/** Two months and what runs between them, as a span: "January-March", "the April to June quarter". */
const MONTH_SPAN = String.raw`(?:the )?${MONTH_RE}\s*(?:-|–|—|to|through|until)\s*${MONTH_RE.replace("<month>", "<month2>")}(?: (?:quarter|period|months))?`;

/** The months of a span in one year, or null when the second does not come after the first. */
function monthSpan(text: string, year: number, groups: Record<string, string | undefined>): DateValue | null {
  const [a, b] = [monthIndex(groups.month!), monthIndex(groups.month2!)];
  if (b <= a) return null;
  return span(text, year, a, b, b - a === 2 && a % 3 === 1 ? "quarter" : "part");
}

function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * A weekday, read as news copy uses it: a bare "Sunday" or "on Sunday" is the latest such day
 * up to the publication date (reports tell what happened); "last Sunday" the one before that
 * day; "by", "until", "before", "next" or "this coming" Sunday looks ahead (a deadline, a plan).
 */
function parseWeekday(text: string, ref: Date): DateValue | null {
  const m = text
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .match(
      /^(?:(?<lead>on|by|until|till|before|last|next|this coming|this past|coming|this) )?(?:(?:on|by) )?(?<day>sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?: (?:morning|afternoon|evening|night|noon))?$/,
    );
  if (!m?.groups) return null;
  const lead = m.groups.lead ?? "";
  const wanted = WEEKDAYS.indexOf(m.groups.day!);
  const today = ref.getUTCDay();
  let shift: number;
  if (["by", "until", "till", "before", "coming", "this coming", "this"].includes(lead)) shift = (wanted - today + 7) % 7;
  else if (lead === "next") shift = (wanted - today + 7) % 7 || 7;
  else if (lead === "last" || lead === "this past") shift = -((today - wanted + 7) % 7 || 7);
  else shift = -((today - wanted + 7) % 7);
  const date = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + shift));
  return day(text, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Relative forms, resolved against the article's publication date. */
function parseRelativeDate(text: string, ref: Date): DateValue | null {
  const weekday = parseWeekday(text, ref);
  if (weekday) return weekday;
  const t = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^(?:in|on|by|during|since|as of|until)\s+/i, "")
    .toLowerCase();
  const y = ref.getUTCFullYear();
  const mo = ref.getUTCMonth() + 1;
  let m = t.match(/^(this|last|next|the past|the previous|the coming|the last|the current|the next) (week|month|quarter|year)$/);
  if (m) {
    const shift = m[1] === "this" || m[1] === "the current" ? 0 : m[1] === "next" || m[1] === "the coming" || m[1] === "the next" ? 1 : -1;
    // "last quarter" in an April report: October to December; "this quarter": April to June.
    if (m[2] === "quarter") {
      const first = new Date(Date.UTC(y, Math.floor((mo - 1) / 3) * 3 + 3 * shift, 1));
      return span(text, first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCMonth() + 3, "quarter");
    }
    if (m[2] === "week") {
      const start = mondayOf(ref);
      start.setUTCDate(start.getUTCDate() + 7 * shift);
      const end = new Date(start);
      end.setUTCDate(end.getUTCDate() + 6);
      return { kind: "date", text, start: isoOf(start), end: isoOf(end), precision: "week", resolved: true };
    }
    if (m[2] === "month") {
      const first = new Date(Date.UTC(y, mo - 1 + shift, 1));
      return span(text, first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCMonth() + 1, "month");
    }
    return span(text, y + shift, 1, 12, "year");
  }
  if (/^earlier this year$/.test(t)) {
    return { kind: "date", text, start: iso(y, 1, 1), end: isoOf(ref), precision: "part", resolved: true };
  }
  m = t.match(/^(?:the )?(beginning|start|middle|end) of (?:the|this) year$/);
  if (m) {
    const [a, b] = PARTS[`${m[1]} of`]!;
    return span(text, y, a, b, "part");
  }
  // "the January-March quarter" without a year: the latest such months begun by the day written.
  m = t.match(new RegExp(`^${MONTH_SPAN}$`, "i"));
  if (m?.groups) return monthSpan(text, monthIndex(m.groups.month!) <= mo ? y : y - 1, m.groups);
  m = t.match(new RegExp(`^(last|this|next) ${MONTH_RE}$`, "i"));
  if (m?.groups) {
    const month = monthIndex(m.groups.month!);
    // "last July": the most recent July before the article's month; "next July": the first after.
    const year = m[1] === "last" ? (month < mo ? y : y - 1) : m[1] === "next" ? (month > mo ? y : y + 1) : y;
    return span(text, year, month, month, "month");
  }
  if (/^(?:today|tonight)$/.test(t)) return day(text, y, mo, ref.getUTCDate());
  // "the first quarter", "Q3", "the second half": the latest begun by the day written (reports tell
  // what was: "first quarter" in an April report is this year's, "fourth quarter" last year's);
  // "of last year" names the year. A fiscal quarter ("the fiscal first quarter") is the company's
  // own calendar: not read.
  m = t.match(/^(?:the )?(?:(first|second|third|fourth) quarter|q([1-4])|(first|second) half|h([12]))(?: of (last|this) year)?$/);
  if (m) {
    const quarter = m[1] ? ORDINALS.indexOf(m[1]) + 1 : m[2] ? +m[2] : 0;
    const half = m[3] ? ORDINALS.indexOf(m[3]) + 1 : m[4] ? +m[4] : 0;
    const [first, last] = quarter ? [quarter * 3 - 2, quarter * 3] : [half * 6 - 5, half * 6];
    const year = m[5] === "last" ? y - 1 : m[5] === "this" || first <= mo ? y : y - 1;
    return span(text, year, first, last, quarter ? "quarter" : "part");
  }
  return null;
}

/** Whatever chrono-node understands (weekdays, "Friday evening", "two weeks ago"...), in UTC. */
function parseWithChrono(text: string, ref: Date | null): DateValue | null {
  const results = chrono.parse(text, ref ? { instant: ref, timezone: 0 } : undefined);
  const first = results[0];
  if (!first || first.text.length < text.trim().length * 0.5) return null;
  // "Friday, 40" (of "By Friday, 40 people had died"): a figure chrono left unread is no part of the date.
  // A day of the month at the end may still be read with the month that follows ("Tuesday, 29" of "Tuesday, 29 October").
  const unread = text.replace(first.text, "");
  if (
    /\d/.test(unread) &&
    !new RegExp(`\\b${MONTH_RE}\\b|\\b(?:19|20)\\d\\d\\b|^[\\s,]*(?:[12]?\\d|3[01])(?:st|nd|rd|th)?$`, "i").test(unread)
  )
    return null;
  // "launched on Thursday", "Thursday to": the weekday chrono found is read as news uses it, as
  // alone, so that words around it change nothing (chrono alone takes the next Thursday).
  const weekday = ref && parseWeekday(first.text, ref);
  if (weekday) return { ...weekday, text };
  const c = first.start;
  // "10 to 20 billion": chrono reads a clock time ("20 to 10") and fills the day in. Figures with
  // no day, weekday, month or year among them and no clock's marks ("4:17 a.m.", "9pm") wrote no
  // date; words do ("this morning", "tonight": today).
  const nothingOfADate = !["day", "weekday", "month", "year"].some((part) => c.isCertain(part as "day"));
  if (nothingOfADate && /\d/.test(first.text) && !/\d(?:[:.]\d\d|\s*[ap]\.?m\b|\s*o['’]clock)/i.test(first.text)) return null;
  const y = c.get("year");
  const m = c.get("month");
  const d = c.get("day");
  if (y === null || m === null) return null;
  if (c.isCertain("day") || c.isCertain("weekday") || !c.isCertain("month")) {
    // "5 to 7 March", "March 5-7": a span of days is every one of them, not its first.
    const e = first.end;
    const last = e?.isCertain("day") && c.isCertain("day") ? day(text, e.get("year") ?? y, e.get("month") ?? m, e.get("day")!) : null;
    const start = d !== null ? day(text, y, m, d) : null;
    if (start && last && last.start! > start.start!) return { ...start, end: last.end };
    if (d !== null) return start;
  }
  return c.isCertain("month") ? span(text, y, m, m, "month") : span(text, y, 1, 12, "year");
}

/** "13 and 14 October", "5, 6 and 7 May", "October 13 and 14": days listed in one month. */
const DAY_LIST = new RegExp(
  String.raw`^(?:on\s+)?(?:(?<days>\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:and|&)\s+\d{1,2}(?:st|nd|rd|th)?)\s+${MONTH_RE}|${MONTH_RE.replace("<month>", "<month2>")}\s+(?<days2>\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:and|&)\s+\d{1,2}(?:st|nd|rd|th)?))(?<year>,?\s+\d{4})?$`,
  "i",
);

/**
 * Days listed in one month, one after another ("13 and 14 October"): the span of them all, as
 * "13 to 14 October" reads. Days with gaps between them ("5 and 9 May") are not one span.
 */
function parseDayList(text: string, context: DateContext): DateValue | null {
  const m = DAY_LIST.exec(text.trim());
  if (!m?.groups) return null;
  const days = (m.groups.days ?? m.groups.days2)!.match(/\d+/g)!.map(Number);
  if (days.some((d, k) => k > 0 && d !== days[k - 1]! + 1)) return null;
  const month = m.groups.month ?? m.groups.month2;
  const year = m.groups.year?.replace(/[^\d]/g, "") ?? "";
  const first = parseDate(`${days[0]} ${month} ${year}`.trim(), context);
  const last = parseDate(`${days.at(-1)} ${month} ${year}`.trim(), context);
  if (!first?.start || !last?.end || first.precision !== "day" || last.precision !== "day") return null;
  return { ...first, text, end: last.end };
}

export function parseDate(text: string, context: DateContext): DateValue | null {
  const listed = parseDayList(text, context);
  if (listed) return listed;
  const absolute = parseAbsoluteDate(text);
  if (absolute) return absolute;
  const ref = context.referenceDate ?? null;
  const relative = RELATIVE_DATE.test(text);
  if (relative && !ref) {
    return looksLikeDate(text) ? unresolved(text, "It is relative to the article's publication date, which is not known.") : null;
  }
  if (ref) {
    const rel = parseRelativeDate(text, ref);
    if (rel) return rel;
  }
  // Without a reference chrono would resolve against today: only absolute expressions then.
  return parseWithChrono(text, ref ?? new Date(Date.UTC(2000, 0, 1)));
}

function looksLikeDate(text: string): boolean {
  const t = text.toLowerCase();
  return (
    new RegExp(`\\b${MONTH_RE}\\b`, "i").test(t) ||
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|week|weekend|month|year|quarter)s?\b/.test(
      t,
    )
  );
}
