/**
 * The part of the W3C Web Annotation Data Model (Recommendation, 23 February 2017) that
 * Crosscheck's JSON-LD export uses, as JSON Schema (draft 2020-12): annotations with a textual
 * body and a specific-resource target selected by a TextQuoteSelector and a TextPositionSelector,
 * gathered in an annotation collection with one page.
 *
 * No registry package ships the W3C's own test schemas (the web-annotation-tests suite), so this
 * subset was written here from the specification's MUSTs, section by section, no looser than
 * them: each keyword cites the section it comes from. What the model leaves open (extra
 * properties, other selector kinds) stays open, as it does in the W3C's schemas.
 */
const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** §3.1: "The Annotation MUST have exactly 1 IRI that identifies it" (also collections §5.1, pages §5.2). */
const iri = { type: "string", format: "iri" } as const;

/** §3.1: @context MUST be, or be an array that includes, the anno.jsonld context. */
const context = {
  anyOf: [{ const: ANNO_CONTEXT }, { type: "array", contains: { const: ANNO_CONTEXT } }],
} as const;

/** A `type` that is, or includes, `name` (§3.1 for Annotation, §5 for the collection classes). */
const typed = (name: string) => ({ anyOf: [{ const: name }, { type: "array", contains: { const: name } }] });

/** §3.3.5: the motivations the model defines (a Motivation IRI of another vocabulary is also allowed). */
const MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
];
const motivation = { anyOf: [{ enum: MOTIVATIONS }, iri] };

/** §3.2.4 Embedded Textual Body: type TextualBody, exactly one `value` string; `format` a media type, `language` a BCP 47 tag. */
const textualBody = {
  type: "object",
  properties: {
    type: { const: "TextualBody" },
    value: { type: "string" },
    format: { type: "string", pattern: "^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+" },
    language: { type: "string", pattern: "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$" },
    id: iri,
  },
  required: ["type", "value"],
} as const;

/** §4.2.4 Text Quote Selector: `exact` exactly once; `prefix` and `suffix` at most once, strings. */
const textQuoteSelector = {
  type: "object",
  properties: {
    type: { const: "TextQuoteSelector" },
    exact: { type: "string" },
    prefix: { type: "string" },
    suffix: { type: "string" },
  },
  required: ["type", "exact"],
} as const;

/** §4.2.5 Text Position Selector: `start` and `end` exactly once, non-negative integers (counted in code points). */
const textPositionSelector = {
  type: "object",
  properties: {
    type: { const: "TextPositionSelector" },
    start: { type: "integer", minimum: 0 },
    end: { type: "integer", minimum: 0 },
  },
  required: ["type", "start", "end"],
} as const;

/** A selector of one of the two kinds above, or of another kind (which the model allows; the test then only sees its type). */
const selector = {
  type: "object",
  required: ["type"],
  if: { properties: { type: { enum: ["TextQuoteSelector", "TextPositionSelector"] } } },
  then: { anyOf: [textQuoteSelector, textPositionSelector] },
} as const;

/** §4 Specific Resource: exactly one `source` IRI; §4.2 `selector` is one selector or a non-empty list of them. */
const specificResource = {
  type: "object",
  properties: {
    source: iri,
    selector: { anyOf: [selector, { type: "array", minItems: 1, items: selector }] },
  },
  required: ["source"],
} as const;

/** §3.2: a body or target is an IRI or a resource; the export uses the two forms above. */
const bodies = { anyOf: [iri, textualBody, { type: "array", minItems: 1, items: { anyOf: [iri, textualBody] } }] };
const targets = { anyOf: [iri, specificResource, { type: "array", minItems: 1, items: { anyOf: [iri, specificResource] } }] };

/** §3.1 Annotation, as embedded in a page (§5.2: its @context comes from the collection). */
const embeddedAnnotation = {
  type: "object",
  properties: { id: iri, type: typed("Annotation"), motivation, body: bodies, target: targets },
  required: ["id", "type", "target"],
} as const;

/** §3.1 Annotation on its own: the same, with its @context. */
export const annotationSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  allOf: [embeddedAnnotation, { type: "object", properties: { "@context": context }, required: ["@context"] }],
} as const;

/** §5.2 Annotation Page: id, type AnnotationPage, `items` MUST list the annotations; `startIndex` a non-negative integer. */
const annotationPage = {
  type: "object",
  properties: {
    id: iri,
    type: typed("AnnotationPage"),
    items: { type: "array", items: embeddedAnnotation },
    startIndex: { type: "integer", minimum: 0 },
    next: iri,
    prev: iri,
  },
  required: ["id", "type", "items"],
} as const;

/** §5.1 Annotation Collection: @context, id, type AnnotationCollection; `total` a non-negative integer; `first` a page or its IRI. */
export const annotationCollectionSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    "@context": context,
    id: iri,
    type: typed("AnnotationCollection"),
    label: { type: "string" },
    total: { type: "integer", minimum: 0 },
    first: { anyOf: [iri, annotationPage] },
    last: iri,
  },
  required: ["@context", "id", "type"],
} as const;

/**
 * The `iri` format (RFC 3987): an IRI is a URI once its non-ASCII characters are percent-encoded
 * (RFC 3987 §3.1), so it is checked as such with ajv-formats' `uri`.
 */
export function isIri(text: string, isUri: (uri: string) => boolean): boolean {
  return isUri(text.replace(/[^\x00-\x7F]/gu, (c) => encodeURIComponent(c)));
}
