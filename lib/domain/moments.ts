/**
 * Moments: when something held or happened, finer than a day when the text says so ("16:30
 * local time", "0830 GMT", "4:30 p.m. Beijing time", "Thursday evening", "30 October 2024").
 * A moment is a span of UTC milliseconds [start, end) with the precision it was written with, so
 * "20:11 local time" in Valencia and "19:11 GMT" are the same minute, and "Friday morning" and
 * "9:37 a.m. New York time" can be told apart or not.
 *
 * Zones come from the IANA database that ships with the JavaScript runtime (Intl), the same
 * database every tz library wraps: named places ("New York time"), abbreviations ("GMT", "EDT"),
 * offsets ("UTC+1") and "local time" (the investigation's zone). Summer time is whatever the
 * database says for that day. Pure: no clock is read; relative words resolve against the
 * reference (the article's publication).
 */
import { parseDate } from "@/lib/domain/dates.ts";

export type MomentPrecision = "minute" | "hour" | "part" | "day" | "span";

export type Moment = {
  /** UTC epoch milliseconds, inclusive. */
  start: number;
  /** UTC epoch milliseconds, exclusive. */
  end: number;
  precision: MomentPrecision;
  /** The zone the wall time was read in ("Europe/Madrid", "UTC+01:00"). */
  zone: string;
  /** Whether the text gave a time of day (a clock time or a part of the day). */
  timed: boolean;
};

export type MomentContext = {
  /** The article's publication: relative words ("Tuesday", "this morning") resolve against it. */
  referenceDate?: Date | null;
  /** IANA zone for "local time" and times written with no zone. */
  timeZone?: string;
};

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Zones

/** Fixed offsets (minutes) of the abbreviations news copy uses; "CST" is read as US Central. */
const ABBREVIATIONS: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  bst: 60,
  wet: 0,
  west: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  aest: 600,
  aedt: 660,
};

/** Zones that change with summer time, named as copy names them ("Eastern time", "New York time"). */
const NAMED_ZONES: Record<string, string> = {
  et: "America/New_York",
  eastern: "America/New_York",
  "new york": "America/New_York",
  washington: "America/New_York",
  pt: "America/Los_Angeles",
  pacific: "America/Los_Angeles",
  "los angeles": "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  "silicon valley": "America/Los_Angeles",
  ct: "America/Chicago",
  central: "America/Chicago",
  chicago: "America/Chicago",
  london: "Europe/London",
  uk: "Europe/London",
  british: "Europe/London",
  paris: "Europe/Paris",
  madrid: "Europe/Madrid",
  spanish: "Europe/Madrid",
  spain: "Europe/Madrid",
  berlin: "Europe/Berlin",
  brussels: "Europe/Brussels",
  rome: "Europe/Rome",
  lisbon: "Europe/Lisbon",
  athens: "Europe/Athens",
  kyiv: "Europe/Kyiv",
  kiev: "Europe/Kyiv",
  moscow: "Europe/Moscow",
  istanbul: "Europe/Istanbul",
  ankara: "Europe/Istanbul",
  "tel aviv": "Asia/Jerusalem",
  jerusalem: "Asia/Jerusalem",
  dubai: "Asia/Dubai",
  india: "Asia/Kolkata",
  indian: "Asia/Kolkata",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  mumbai: "Asia/Kolkata",
  beijing: "Asia/Shanghai",
  china: "Asia/Shanghai",
  shanghai: "Asia/Shanghai",
  "hong kong": "Asia/Hong_Kong",
  taipei: "Asia/Taipei",
  tokyo: "Asia/Tokyo",
  japan: "Asia/Tokyo",
  seoul: "Asia/Seoul",
  singapore: "Asia/Singapore",
  jakarta: "Asia/Jakarta",
  sydney: "Australia/Sydney",
  "mexico city": "America/Mexico_City",
  "sao paulo": "America/Sao_Paulo",
  "são paulo": "America/Sao_Paulo",
};

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    zoneFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at that instant, in minutes ("GMT+01:00" → 60). */
export function zoneOffset(zone: string, utcMs: number): number {
  const name = zoneFormat(zone)
    .formatToParts(new Date(utcMs))
    .find((p) => p.type === "timeZoneName")?.value;
  const m = name?.match(/GMT([+-])(\d{2}):(\d{2})/);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

type Zone = { label: string; offsetAt: (wallMs: number) => number };

/**
 * A zone's label as a moment keeps it ("EDT", "UTC+02:00", "Europe/Madrid") → its offset from
 * UTC at an instant, in minutes; null for a label it does not know (read as UTC).
 */
function labelOffset(label: string): ((utcMs: number) => number) | null {
  // Own keys only: a label read back from storage could be any word, "constructor" included.
  const key = label.toLowerCase();
  if (Object.hasOwn(ABBREVIATIONS, key)) return () => ABBREVIATIONS[key]!;
  const fixed = label.match(/^UTC([+−-])(\d{2}):(\d{2})$/);
  if (fixed) {
    const minutes = (fixed[1] === "+" ? 1 : -1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    return () => minutes;
  }
  return label.includes("/") && isTimeZone(label) ? (ms) => zoneOffset(label, ms) : null;
}

const fixedZone = (minutes: number, label?: string): Zone => ({
  label:
    label ??
    `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`,
  offsetAt: () => minutes,
});

/** A wall-clock time in an IANA zone → the offset that applies there then (summer time included). */
const ianaZone = (zone: string): Zone => ({
  label: zone,
  offsetAt: (wallMs) => {
    const first = zoneOffset(zone, wallMs);
    const second = zoneOffset(zone, wallMs - first * MINUTE);
    return second;
  },
});

const ZONE_WORDS = [...Object.keys(NAMED_ZONES)].sort((a, b) => b.length - a.length).join("|");
const ABBR_WORDS = Object.keys(ABBREVIATIONS).join("|");
const ZONE_RE = new RegExp(
  String.raw`(?:\(?\s*(?<offset>(?:utc|gmt)\s*[+−-]\s*\d{1,2}(?::?\d{2})?)\s*\)?|\b(?<named>${ZONE_WORDS})(?:\s+(?:standard|daylight|summer))?\s+time\b|\b(?<local>local)\s+time\b)`,
  "iu",
);
/** Abbreviations count only in capitals: "west" and "est" are words, "WEST" and "EST" zones. */
const ABBR_RE = new RegExp(
  String.raw`\b(?<abbr>${Object.keys(ABBREVIATIONS)
    .map((a) => a.toUpperCase())
    .join("|")}|ET|PT|CT)\b`,
  "u",
);
/** US zone names without "time", as AP style writes them ("9 a.m. ET"): summer time included. */
const US_SHORT: Record<string, string> = { ET: "America/New_York", PT: "America/Los_Angeles", CT: "America/Chicago" };

function readZone(text: string, context: MomentContext): { zone: Zone | null; rest: string } {
  const m = text.match(ZONE_RE) ?? text.match(ABBR_RE);
  if (!m?.groups) return { zone: null, rest: text };
  const rest = text.slice(0, m.index) + " " + text.slice(m.index! + m[0].length);
  const g = m.groups;
  if (g.offset) {
    const o = g.offset.replace(/\s+/g, "").match(/^(?:utc|gmt)([+−-])(\d{1,2})(?::?(\d{2}))?$/i)!;
    const minutes = (o[1] === "+" ? 1 : -1) * (Number(o[2]) * 60 + Number(o[3] ?? 0));
    return { zone: fixedZone(minutes), rest };
  }
  if (g.named) return { zone: ianaZone(NAMED_ZONES[g.named.toLowerCase()]!), rest };
  if (g.local) return { zone: localZone(context), rest };
  const abbr = g.abbr!;
  if (US_SHORT[abbr]) return { zone: ianaZone(US_SHORT[abbr]), rest };
  return { zone: fixedZone(ABBREVIATIONS[abbr.toLowerCase()]!, abbr), rest };
}

const localZone = (context: MomentContext): Zone => {
  const zone = context.timeZone && isTimeZone(context.timeZone) ? context.timeZone : "UTC";
  return zone === "UTC" ? fixedZone(0, "UTC") : ianaZone(zone);
};

// ---------------------------------------------------------------------------------------------
// Times of day

/** Parts of the day as spans of local hours [from, to). */
const PARTS_OF_DAY: [RegExp, number, number][] = [
  [/\bearly (?:in the )?morning\b|\bbefore dawn\b|\bat dawn\b/i, 4, 8],
  [/\bmid-?morning\b/i, 9, 11],
  [/\blate (?:in the )?morning\b/i, 10, 12],
  [/\bmorning\b|\bthis am\b/i, 6, 12],
  [/\b(?:at )?(?:noon|midday)\b/i, 12, 12],
  [/\bearly (?:in the )?afternoon\b/i, 12, 15],
  [/\bmid-?afternoon\b/i, 14, 17],
  [/\blate (?:in the )?afternoon\b/i, 16, 18],
  [/\bafternoon\b/i, 12, 18],
  [/\bearly (?:in the )?evening\b/i, 17, 20],
  [/\blate (?:in the )?evening\b/i, 21, 24],
  [/\bevening\b|\btonight\b/i, 18, 23],
  [/\blate (?:at )?night\b|\bovernight\b/i, 22, 30],
  [/\bnight\b/i, 20, 30],
  [/\b(?:at )?midnight\b/i, 24, 24],
];

type ClockTime = { fromMinutes: number; toMinutes: number; precision: MomentPrecision; rest: string };

const AMPM = String.raw`(?<ampm>[ap])\.?\s?m\b\.?`;
const CLOCK = [
  // 16:30, 4.30 p.m., 9:37 a.m.
  new RegExp(String.raw`\b(?<h>\d{1,2})[:.](?<m>[0-5]\d)(?:\s*${AMPM})?(?:\s*(?:hrs|h)\b)?`, "i"),
  // 4 p.m., 9am
  new RegExp(String.raw`\b(?<h>\d{1,2})\s*${AMPM}`, "i"),
];

const MILITARY = new RegExp(
  String.raw`\b([01]\d|2[0-3])([0-5]\d)(?:\s*(?:hrs|hours|h)\b)?(?=\s*(?:(?:${ABBR_WORDS})\b|local time|hrs\b|hours\b))`,
  "gi",
);

function readClock(text: string): ClockTime | null {
  for (const re of CLOCK) {
    const m = text.match(re);
    if (!m?.groups) continue;
    let h = Number(m.groups.h);
    const minutes = m.groups.m === undefined ? null : Number(m.groups.m);
    const ampm = m.groups.ampm?.toLowerCase();
    if (ampm) {
      if (h < 1 || h > 12) continue;
      if (ampm === "p" && h < 12) h += 12;
      if (ampm === "a" && h === 12) h = 0;
    } else if (h > 24 || minutes === null) continue;
    const rest = text.slice(0, m.index) + " " + text.slice(m.index! + m[0].length);
    if (minutes === null) return { fromMinutes: h * 60, toMinutes: h * 60 + 60, precision: "hour", rest };
    return { fromMinutes: h * 60 + minutes, toMinutes: h * 60 + minutes + 1, precision: "minute", rest };
  }
  for (const [re, from, to] of PARTS_OF_DAY) {
    const m = text.match(re);
    if (!m) continue;
    const rest = text.slice(0, m.index) + " " + text.slice(m.index! + m[0].length);
    // "noon" and "midnight" are an instant, to the minute.
    if (from === to) return { fromMinutes: from * 60, toMinutes: from * 60 + 1, precision: "minute", rest };
    return { fromMinutes: from * 60, toMinutes: to * 60, precision: "part", rest };
  }
  return null;
}

/** Words left once the time, zone and date are read: nothing that changes the meaning. */
const FILLER = /^(?:[\s,()]|at|on|in|the|of|by|around|about|shortly|just|before|after|local|time|hours?|hrs)*$/i;

/**
 * A moment as written: a date, a time of day, or both, in a zone. Without a date the time is on
 * the reference's day (in the zone); without a zone, in the investigation's. Null when the text
 * holds neither a date nor a time.
 */
export function parseMoment(text: string, context: MomentContext = {}): Moment | null {
  // "20:11 local time (19:11 GMT) last Tuesday", "19:11 GMT (20:11 local time)": one instant
  // written twice; the time with a named zone is the one to trust (the local one agrees when the
  // investigation's zone is right).
  const inner = text.match(/^(?<before>.*?)\((?<inside>[^)]*)\)(?<after>.*)$/);
  if (inner?.groups && hasTimeOfDay(inner.groups.inside!) && hasTimeOfDay(`${inner.groups.before} ${inner.groups.after}`)) {
    const { before, inside, after } = inner.groups as { before: string; inside: string; after: string };
    const named = (part: string) => Boolean(readZone(part, context).zone) && !/\blocal\b/i.test(part);
    const clockless = (part: string) => part.replace(/\b\d{1,2}[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?|\blocal time\b/gi, " ");
    const trusted = named(inside) && !named(`${before} ${after}`) ? `${inside} ${clockless(`${before} ${after}`)}` : `${before} ${after}`;
    const read = readMoment(trusted, context);
    if (read) return read;
  }
  return readMoment(text, context);
}

function readMoment(text: string, context: MomentContext): Moment | null {
  const cleaned = text
    .trim()
    .replace(/\s+/g, " ")
    // "1911 GMT", "0830 hrs": four digits are a time only beside a zone or "hours"; read them as 19:11.
    .replace(MILITARY, "$1:$2")
    // "last night" is the night before the reference day.
    .replace(/\b(late )?last night\b/i, (_m, late: string | undefined) => `yesterday ${late ? "late " : ""}night`);
  if (!cleaned) return null;
  const { zone: written, rest: afterZone } = readZone(cleaned, context);
  const zone = written ?? localZone(context);
  const clock = readClock(afterZone);
  const dateText = (clock ? clock.rest : afterZone)
    .replace(/\s+/g, " ")
    .replace(/^[\s,]*(?:at|on|in|the)?\s*/i, "")
    .replace(/[\s,(]+$/, "")
    .replace(/\(\s*\)/g, "")
    .trim();
  // The reference as a local wall date: an article out at 00:30 in Madrid is dated that day.
  const ref = context.referenceDate ?? null;
  const localRef = ref ? new Date(ref.getTime() + zone.offsetAt(ref.getTime()) * MINUTE) : null;
  let day: { start: string; end: string; precision: string } | null = null;
  if (dateText && !FILLER.test(dateText)) {
    const date = parseDate(dateText, { referenceDate: localRef });
    if (!date?.resolved || !date.start || !date.end) return null;
    day = { start: date.start, end: date.end, precision: date.precision ?? "day" };
  } else if (clock && localRef) {
    const iso = localRef.toISOString().slice(0, 10);
    day = { start: iso, end: iso, precision: "day" };
  } else {
    return null;
  }
  const wall = (iso: string, minutes: number) => Date.parse(`${iso}T00:00:00Z`) + minutes * MINUTE;
  const toUtc = (wallMs: number) => wallMs - zone.offsetAt(wallMs) * MINUTE;
  if (clock && day.start === day.end) {
    return {
      start: toUtc(wall(day.start, clock.fromMinutes)),
      end: toUtc(wall(day.start, clock.toMinutes)),
      precision: clock.precision,
      zone: zone.label,
      timed: true,
    };
  }
  return {
    start: toUtc(wall(day.start, 0)),
    end: toUtc(wall(day.end, 0) + DAY),
    precision: day.start === day.end ? "day" : "span",
    zone: zone.label,
    timed: false,
  };
}

/** Whether the text holds a clock time or a part of the day (what makes a value a time). */
export function hasTimeOfDay(text: string): boolean {
  return readClock(readZone(text.replace(/\s+/g, " ").replace(MILITARY, "$1:$2"), {}).rest) !== null;
}

/** The moment an instant is, to the minute (an article's publication). */
export function momentAt(instant: Date, zone = "UTC"): Moment {
  const start = Math.floor(instant.getTime() / MINUTE) * MINUTE;
  return { start, end: start + MINUTE, precision: "minute", zone, timed: true };
}

/** Whether two moments share no instant: one is over before the other starts. */
export const apart = (a: Moment, b: Moment) => a.end <= b.start || b.end <= a.start;

/** Moments already described: detection explains many pairs of the same few moments. */
const described = new Map<string, string>();

/** "29 Oct 2024, 19:11 UTC" / "Thu 31 Oct 2024, evening (Europe/Madrid)", for explanations. */
export function describeMoment(m: Moment): string {
  const key = `${m.start}|${m.end}|${m.precision}|${m.zone}`;
  let text = described.get(key);
  if (text === undefined) {
    if (described.size >= 10_000) described.clear();
    described.set(key, (text = describeAnew(m)));
  }
  return text;
}

function describeAnew(m: Moment): string {
  const offsetAt = labelOffset(m.zone);
  const utc = offsetAt === null || m.zone === "UTC" || m.zone === "GMT";
  const local = (ms: number) => new Date(ms + (utc ? 0 : offsetAt!(ms)) * MINUTE);
  const d = local(m.start);
  const date = d.toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
  const hm = (x: Date) => x.toISOString().slice(11, 16);
  const where = utc ? "UTC" : m.zone.includes("/") ? `${m.zone.replace(/^.*\//, "").replace(/_/g, " ")} time` : m.zone;
  switch (m.precision) {
    case "minute":
      return `${date}, ${hm(d)} ${where}`;
    case "hour":
    case "part":
      return `${date}, ${hm(d)}–${hm(local(m.end))} ${where}`;
    case "day":
      return date;
    case "span": {
      const last = local(m.end - 1);
      return `${date} – ${last.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" })}`;
    }
  }
}

const WEEKDAY = String.raw`(?:on |last |this |early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?(?: (?:morning|afternoon|evening|night))?`;
const RELATIVE_DAY = String.raw`(?:this|yesterday|last|early|late) (?:morning|afternoon|evening|night)|\btonight\b|\byesterday\b|\btoday\b`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_MONTH = String.raw`\d{1,2}(?:st|nd|rd|th)? ${MONTH}(?: \d{4})?|${MONTH} \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?`;
const CLOCK_PHRASE = String.raw`\d{1,2}[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?(?:\s*\(?(?:${ABBR_WORDS})\)?\b|\s+(?:[a-z]+ ){0,2}time\b)?|\d{1,2}\s*[ap]\.?\s?m\b\.?|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:${ABBR_WORDS})\b`;
const IN_QUOTE = new RegExp(`\\b(?:${DAY_MONTH}|${WEEKDAY}|${RELATIVE_DAY})\\b|${CLOCK_PHRASE}`, "gi");

/**
 * A moment a quote gives besides its value: "climbed to 158 on Thursday evening" → Thursday
 * evening; "3.7% at 9:37 a.m. New York time" → 9:37 EDT. The value's own words are left out, so
 * a date value is never read as its own as-of. Null when the quote names no time.
 */
export function momentInQuote(quote: string, valueText: string, context: MomentContext = {}): Moment | null {
  const at = valueText ? quote.indexOf(valueText) : -1;
  const words = (at >= 0 ? quote.slice(0, at) + " · " + quote.slice(at + valueText.length) : quote).replace(/\s+/g, " ");
  const found = words.match(IN_QUOTE);
  if (!found?.length) return null;
  return parseMoment(found.join(" ").replace(/^(?:on|at) /i, ""), context);
}

const DAY_WORDS = new RegExp(`\\b(?:${DAY_MONTH}|${WEEKDAY}|yesterday|today)\\b`, "gi");

/** The words of a text that name a day ("last Tuesday", "29 October"), or "" when none do. */
export function dayWordsIn(text: string): string {
  return (text.match(DAY_WORDS) ?? []).join(" ");
}
