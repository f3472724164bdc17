/**
 * A claim without its empty fields, for the reader. Its own module, with no imports: the reader's
 * first load carries it, and not the rest of lib/domain/claims.ts (see reader-first-load.test.ts).
 */
/** A claim's fields that most claims leave empty (null or ""). */
export type SparseClaimFields = {
  statusReason: string | null;
  asOfText: string | null;
  note: string;
  accordingTo: string;
  method: string;
  appliesToPart: string;
  proposedConfidence: number | null;
};

/** A claim without its empty fields: each of them is there only when it says something. */
export type Sparse<T extends SparseClaimFields> = Omit<T, keyof SparseClaimFields> & {
  [K in keyof SparseClaimFields]?: NonNullable<SparseClaimFields[K]>;
};

/**
 * The claim with its empty fields left out: what the reader sends for each of an article's
 * hundreds of claims, where a blank note or method repeated on every one adds up.
 */
export function withoutEmptyFields<T extends SparseClaimFields>(claim: T): Sparse<T> {
  const { statusReason, asOfText, note, accordingTo, method, appliesToPart, proposedConfidence, ...rest } = claim;
  return {
    ...rest,
    ...(statusReason !== null ? { statusReason } : {}),
    ...(asOfText !== null ? { asOfText } : {}),
    ...(note ? { note } : {}),
    ...(accordingTo ? { accordingTo } : {}),
    ...(method ? { method } : {}),
    ...(appliesToPart ? { appliesToPart } : {}),
    ...(proposedConfidence !== null ? { proposedConfidence } : {}),
  };
}
