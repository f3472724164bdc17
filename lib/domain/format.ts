/** Small formatting shared by screens and the command line. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** A calendar date stored as UTC midnight, shown as written on the day: "3 Dec 2025". */
export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A moment, in UTC so every reader and every server agrees: "3 Dec 2025, 14:05 UTC". */
export function formatMoment(date: Date): string {
  return `${date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  })} UTC`;
}
