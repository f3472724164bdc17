/**
 * Which suggestions "Accept all in this article with confidence ≥ …" saves: those confident
 * enough whose subject is an entity of the investigation and whose attribute was guessed. The
 * others need a person (a new entity to name, an attribute to choose) and are left as suggestions.
 * Kept apart from suggest.ts so the reader can count them without loading the NLP model.
 */
export type BatchCandidate = { confidence: number; subjectId: string | null; attribute: string | null };

export function acceptedInBatch(p: BatchCandidate, minConfidence: number): boolean {
  return p.confidence >= minConfidence && Boolean(p.subjectId) && Boolean(p.attribute);
}

/** The confidences a reviewer picks from, highest first. */
export const BATCH_CONFIDENCES = [0.9, 0.8, 0.7, 0.6, 0.5] as const;
