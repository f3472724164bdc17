/**
 * Words that make a date relative to when it was written ("last July", "on Tuesday", "this
 * week"): it means a day only against the article's publication date. Kept apart from
 * lib/domain/dates.ts, whose parser is too large to load where only this is asked.
 */
export const RELATIVE_DATE =
  /\b(?:today|yesterday|tomorrow|tonight|this|last|next|past|coming|ago|earlier|later|recent(?:ly)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|quarter|half|q[1-4]|h[12])\b/i;

export const isRelativeDate = (text: string) => RELATIVE_DATE.test(text);

/** Words a date written at the start of a sentence capitalises only for that: "Last July" reads "last July" mid-sentence. */
const SENTENCE_LEADS = new Set(
  "last this next past coming earlier later early late mid the on in at since until by end start beginning middle around about before after yesterday today tomorrow tonight recently a an as of".split(
    " ",
  ),
);

/** A date as it reads inside a sentence ("as of last July"): a first word capitalised only for opening the source's sentence is lowered. */
export function dateInSentence(text: string): string {
  const word = text.match(/^(\p{Lu})(\p{Ll}*)\b/u);
  return word && SENTENCE_LEADS.has(`${word[1]!.toLowerCase()}${word[2]}`) ? `${word[1]!.toLowerCase()}${text.slice(1)}` : text;
}
