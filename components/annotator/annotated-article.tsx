"use client";

import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AttributeOption, ClaimDraft } from "@/components/annotator/claim-form.tsx";
import { ClaimList } from "@/components/annotator/claim-list.tsx";
import { articleBlocks, type Block, type TextRange } from "@/lib/domain/article-blocks.ts";
import { type PackedReaderClaims, unpackReaderClaims } from "@/components/annotator/reader-claims-wire.ts";
import { segmentText, tidySelection } from "@/lib/domain/anchoring.ts";
import type { SubjectOption } from "@/lib/domain/claims.ts";
import type { ClaimSaved, ReaderClaim } from "@/lib/server/claims.ts";
import {
  applyDelete,
  applySave,
  highlightName,
  openConflictsOf,
  openConflictText,
  type ReaderState,
} from "@/components/annotator/reader-state.ts";
import { announceOpenConflicts } from "@/components/open-conflict-badge.tsx";
import { listProposals, rejectProposal as rejectProposalAction } from "@/lib/features/proposals/actions.ts";
import { listSubjectOptions } from "@/lib/features/entities/actions.ts";
import { SuggestionsBar } from "@/components/annotator/suggestions-bar.tsx";
import { useShowSuggestions } from "@/components/annotator/use-show-suggestions.ts";
import type { ReaderProposal } from "@/lib/server/suggestions.ts";
import type { NameChosen } from "@/components/annotator/name-panel.tsx";
import { listNames } from "@/lib/features/names/actions.ts";
import type { ReaderName, ReaderNames } from "@/lib/server/name-proposals.ts";

/**
 * What the page needs only once someone acts on it loads then, not with the article: reading
 * needs none of it. The claim form (with the value and date parsers and the comboboxes it
 * brings) when a claim is first recorded or edited; a highlight's details when one is opened;
 * the quote finder, "accept all" and the panel that makes a name an entity when they are used.
 * The first press or keystroke in the reader fetches the form's and the details' code ahead
 * (see warmPanels), so neither waits for the network once the button comes up.
 */
// The form's and the details' code, fetched by the same import whether warmed or asked for (two
// imports of one module would each get chunks of their own, and both be fetched).
const formCode = () => import("@/components/annotator/claim-form.tsx");
const detailsCode = () => import("@/components/annotator/claim-details.tsx");
// React's lazy, not next/dynamic, whose own code would cost the page's first load more than
// these modules. Each stands in its own Suspense boundary (see Opening): without one, loading it
// suspends the page's, which hides the whole reader a moment (and eats what is being typed).
const ClaimForm = lazy(() => formCode().then((m) => ({ default: m.ClaimForm })));
const ClaimDetails = lazy(() => detailsCode().then((m) => ({ default: m.ClaimDetails })));
const QuoteFinder = lazy(() => import("@/components/annotator/quote-finder.tsx").then((m) => ({ default: m.QuoteFinder })));
const AcceptAllProposals = lazy(() =>
  import("@/components/annotator/accept-all-proposals.tsx").then((m) => ({ default: m.AcceptAllProposals })),
);
// The names' list loads once the article turns out to have some, and the panel (with the actions
// it calls) when one is opened.
const NameList = lazy(() => import("@/components/annotator/name-list.tsx").then((m) => ({ default: m.NameList })));
const NamePanel = lazy(() => import("@/components/annotator/name-panel.tsx").then((m) => ({ default: m.NamePanel })));

/** What the panel shows while its code loads. */
function Opening({ what }: { what: string }) {
  return <p className="text-sm text-slate-500">Opening{what}</p>;
}

const warmed = { details: false, form: false };
/**
 * Fetches the code of a highlight's details and of the claim form (unless the reader is read
 * only), once: called on the first press, key or focus in the reader, the moment before they
 * are asked for.
 */
function warmPanels(withForm: boolean) {
  if (!warmed.details) void detailsCode();
  if (withForm && !warmed.form) void formCode();
  warmed.details = true;
  warmed.form ||= withForm;
}

type Panel =
  | { mode: "idle" }
  | { mode: "find" }
  | { mode: "create"; start: number; end: number; proposal?: ReaderProposal }
  | { mode: "view"; claimId: string }
  | { mode: "edit"; claimId: string }
  | { mode: "name"; nameId: string };

type Placed = ReaderClaim & { start: number; end: number };

/**
 * A suggestion: a dotted underline and no fill, so it never reads as a recorded claim; its tooltip
 * is a highlight's (the .highlight class).
 */
const PROPOSAL_STYLE =
  "highlight underline decoration-sky-600 decoration-dotted outline-none hover:bg-sky-50 focus-visible:bg-sky-100 focus-visible:ring-2 focus-visible:ring-sky-500";

/** A suggestion's accessible name: its words first (what a speech-input user says), then the attribute guessed. */
export function proposalName(p: Pick<ReaderProposal, "quote" | "attribute">): string {
  return `Suggested: ${p.quote.replace(/\s+/g, " ").trim()} — ${p.attribute ?? "attribute not guessed"}`;
}

function proposalTip(p: ReaderProposal): string {
  const guess = [p.subject?.name ?? "subject?", p.attribute ?? "attribute?", p.valueText].join(" · ");
  return `Suggested: ${guess}\n${Math.round(p.confidence * 100)}% confident · Enter to check and save, x to reject`;
}

const NO_PROPOSALS: ReaderProposal[] = [];

/**
 * A name in the text: one proposed as an entity (`nameId`, a dashed violet underline, a stop for
 * Tab) or a mention of a known entity (`entity`, a faint underline linking to its page, kept out
 * of the Tab order: the text stays quick to walk).
 */
type NameMark = { start: number; end: number } & (
  { nameId: string; name: string } | { entity: { id: string; name: string; kind: string }; href: string }
);

/** A proposed name's underline: dashed and violet, unlike a suggested claim's dotted blue. */
const NAME_STYLE =
  "highlight cursor-pointer underline decoration-violet-500 decoration-dashed decoration-[1.5px] underline-offset-4 outline-none hover:bg-violet-50 focus-visible:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-500";
/** A known entity's mention: barely there until pointed at. */
const MENTION_STYLE =
  "highlight underline decoration-slate-300 decoration-1 underline-offset-[5px] hover:text-indigo-800 hover:decoration-indigo-400";

const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function label(c: ReaderClaim) {
  const conflict = openConflictText(c);
  return `${c.subject.name} · ${c.attributeLabel} · ${c.valueText}${c.status === "active" ? "" : ` (${c.status})`}${conflict ? ` · ${conflict}` : ""}`;
}

/**
 * The article with its claims highlighted, and the panel where claims are recorded and read.
 * Selecting text (mouse or keyboard) opens the claim form for it; "Annotate by quote" does the
 * same from the keyboard alone by typing the words to find.
 */
export function AnnotatedArticle({
  investigationId,
  articleId,
  body,
  publishedAt,
  timeZone,
  claims: packedClaims,
  initialClaimId,
  readOnly = false,
  offerProposals = false,
  canAcceptAll = false,
  slug,
}: {
  /** The investigation's slug, for links to the entities the text mentions. */
  slug?: string;
  /** A viewer's reader: claims are shown and opened, never recorded or changed. */
  readOnly?: boolean;
  /** A reviewer may save every confident suggestion at once. */
  canAcceptAll?: boolean;
  /** Whether to offer suggested claims (to those who may record claims): asked for once drawn. */
  offerProposals?: boolean;
  /** A claim to open and scroll to on arrival (from a conflict's "see it in the article" link). */
  initialClaimId?: string;
  investigationId: string;
  articleId: string;
  body: string;
  publishedAt: string | null;
  /** The investigation's zone, for "local time". */
  timeZone: string;
  /** The article's claims as the page sends them (see reader-claims-wire.ts). */
  claims: PackedReaderClaims;
}) {
  const serverClaims = useMemo(() => unpackReaderClaims(packedClaims, body), [packedClaims, body]);
  // Saves update this in place; new props from the server (another visit, a refresh) replace it.
  // The subject box's names and the attribute box's attributes are asked for once the page is
  // drawn (see useFormOptions).
  const [local, setLocal] = useState<ReaderState & { from: ReaderClaim[] }>({
    from: serverClaims,
    claims: serverClaims,
    subjects: [],
    attributes: [],
  });
  if (local.from !== serverClaims) setLocal((prev) => ({ ...prev, from: serverClaims, claims: serverClaims }));
  const subjectsLoaded = useFormOptions(!readOnly, investigationId, serverClaims, (loaded) =>
    setLocal((prev) => ({ ...prev, subjects: withNamesSince(loaded.subjects, prev.subjects), attributes: loaded.attributes })),
  );
  const { claims } = local;
  const update = (change: (state: ReaderState) => ReaderState, openConflicts?: number) => {
    setLocal((prev) => ({ ...prev, ...change(prev) }));
    if (openConflicts !== undefined) announceOpenConflicts(investigationId, openConflicts);
  };
  const textRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Panel>(() =>
    initialClaimId && claims.some((c) => c.id === initialClaimId) ? { mode: "view", claimId: initialClaimId } : { mode: "idle" },
  );
  const blocks = useMemo(() => articleBlocks(body), [body]);
  const placed = useMemo(
    () => claims.filter((c): c is Placed => c.anchor !== null).map((c) => ({ ...c, start: c.anchor!.start, end: c.anchor!.end })),
    [claims],
  );
  const orphans = useMemo(() => claims.filter((c) => c.anchor === null), [claims]);

  // Suggestions: those not rejected here and not under a claim recorded since the page came.
  const [showSuggestions, setShowSuggestions] = useShowSuggestions();
  const proposals = useArticleProposals(offerProposals && showSuggestions, investigationId, articleId, serverClaims);
  const [dismissed, setDismissed] = useState<{ ids: Set<string>; cues: Set<string> }>(() => ({ ids: new Set(), cues: new Set() }));
  const pending = useMemo(
    () => (proposals ?? []).filter((p) => !dismissed.ids.has(p.id) && !dismissed.cues.has(p.cue) && !placed.some((c) => overlapping(c, p))),
    [proposals, dismissed, placed],
  );
  const shown = showSuggestions ? pending : NO_PROPOSALS;

  // Names: proposed as entities or aliases, and known entities' mentions, with the suggestions.
  const [namesAsked, setNamesAsked] = useState(0);
  const names = useArticleNames(offerProposals && showSuggestions, investigationId, articleId, namesAsked);
  const [doneNames, setDoneNames] = useState<Set<string>>(() => new Set());
  const pendingNames = useMemo(() => (names?.names ?? []).filter((n) => !doneNames.has(n.id)), [names, doneNames]);
  const nameMarks = useMemo((): NameMark[] => {
    if (!showSuggestions || !names) return [];
    const marks: NameMark[] = pendingNames.flatMap((n) => n.spans.map((s) => ({ ...s, nameId: n.id, name: n.name })));
    for (const m of names.mentions) {
      const entity = local.subjects.find((e) => e.id === m.entityId);
      if (entity && slug) marks.push({ start: m.start, end: m.end, entity, href: `/investigations/${slug}/entities/${entity.id}` });
    }
    return marks.filter((m) => !shown.some((p) => overlapping(p, m))).sort((a, b) => a.start - b.start);
  }, [showSuggestions, names, pendingNames, local.subjects, slug, shown]);
  const openName = panel.mode === "name" ? pendingNames.find((n) => n.id === panel.nameId) : undefined;
  const selectedId = panel.mode === "view" || panel.mode === "edit" ? panel.claimId : null;
  const selected = claims.find((c) => c.id === selectedId) ?? null;

  // A drag is a new claim, a click an existing one's details: which one the pointer did is known
  // when the button goes up (by then the claim form may have taken focus and the selection).
  const pointerDown = useRef<{ x: number; y: number } | null>(null);
  const dragged = useRef(false);

  // While the form is open, the words it is about stay marked (a CSS highlight: no change to the text's markup).
  const pendingStart = panel.mode === "create" ? panel.start : null;
  const pendingEnd = panel.mode === "create" ? panel.end : null;
  useEffect(() => {
    if (pendingStart === null || pendingEnd === null || typeof CSS === "undefined" || !("highlights" in CSS) || !textRef.current) return;
    const range = rangeOfOffsets(textRef.current, pendingStart, pendingEnd);
    if (!range) return;
    CSS.highlights.set("crosscheck-pending", new Highlight(range));
    return () => void CSS.highlights.delete("crosscheck-pending");
  }, [pendingStart, pendingEnd]);

  // A selection inside the article opens the form for it.
  const captureSelection = useCallback(() => {
    if (readOnly) return;
    const range = selectionInText(textRef.current);
    if (!range) return;
    const tidy = tidySelection(body, range.start, range.end);
    if (tidy) setPanel({ mode: "create", ...tidy });
  }, [body, readOnly]);

  useEffect(() => {
    if (panel.mode !== "idle") panelRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [panel.mode]);

  const focusClaim = useCallback((id: string) => {
    setPanel({ mode: "view", claimId: id });
    const mark = textRef.current?.querySelector<HTMLElement>(`[data-claims~="${id}"]`);
    mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    mark?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (!initialClaimId) return;
    const mark = textRef.current?.querySelector<HTMLElement>(`[data-claims~="${initialClaimId}"]`);
    mark?.scrollIntoView({ block: "center" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Where focus goes once the panel has changed: a claim's highlight (after a save, or closing its
  // details), else the article's text, never lost to the page.
  // A suggestion's id instead walks on to it (after accepting or rejecting the one before).
  const focusTarget = useRef<{ claimId: string | null; proposalId?: string; nameId?: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // After each render: a focus asked for by the change just rendered is given, once.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    if (target.proposalId && focusProposal(textRef.current, target.proposalId)) return;
    const name = target.nameId ? textRef.current?.querySelector<HTMLElement>(`[data-name="${CSS.escape(target.nameId)}"]`) : null;
    if (name) return name.focus();
    const mark = target.claimId ? textRef.current?.querySelector<HTMLElement>(`[data-claims~="${target.claimId}"]`) : null;
    (mark ?? textRef.current)?.focus({ preventScroll: !mark });
  });

  /** The suggestion to go on to once this one is dealt with: the next in the text, else the one before. */
  const proposalAfter = (done: ReaderProposal) =>
    shown.find((p) => p.start > done.start && p.id !== done.id) ?? shown.filter((p) => p.id !== done.id).at(-1);

  // Stable, so that a change of the panel leaves the article's text as it was drawn (see ArticleBlock).
  const openProposal = useCallback(
    (proposal: ReaderProposal) => setPanel({ mode: "create", start: proposal.start, end: proposal.end, proposal }),
    [],
  );
  const openNameById = useCallback((nameId: string) => setPanel({ mode: "name", nameId }), []);
  const openNameId = panel.mode === "name" ? panel.nameId : null;
  /** A proposed name made an entity, an alias or dismissed: hidden at once, the article's names asked again. */
  const chosenName = (name: ReaderName, { choice, entityId, aliases = [] }: NameChosen) => {
    const next =
      pendingNames.find((n) => n.id !== name.id && n.spans[0]!.start > name.spans[0]!.start) ?? pendingNames.find((n) => n.id !== name.id);
    setDoneNames((done) => new Set(done).add(name.id));
    setPanel({ mode: "idle" });
    focusTarget.current = { claimId: null, nameId: next?.id };
    if (choice.as === "entity" && entityId) {
      const created = { id: entityId, name: name.name, kind: choice.kind, aliases };
      setLocal((prev) => ({ ...prev, subjects: [...prev.subjects, created].sort((a, b) => a.name.localeCompare(b.name)) }));
      const also = aliases.length ? `, also called ${aliases.join(", ")}` : "";
      setAnnouncement(`${name.name} is now an entity (${choice.kind})${also}.`);
    } else if (choice.as === "alias") {
      const entity = local.subjects.find((e) => e.id === choice.entityId);
      setLocal((prev) => ({
        ...prev,
        subjects: prev.subjects.map((e) => (e.id === choice.entityId ? { ...e, aliases: [...e.aliases, name.name] } : e)),
      }));
      setAnnouncement(`${name.name} is now an alias of ${entity?.name ?? "the entity"}.`);
    } else setAnnouncement(`${name.name} dismissed: it will not be proposed again.`);
    setNamesAsked((n) => n + 1);
  };

  const reject = async (proposal: ReaderProposal) => {
    const next = proposalAfter(proposal);
    const hide = (change: (d: typeof dismissed) => typeof dismissed) =>
      setDismissed((d) => change({ ids: new Set(d.ids), cues: new Set(d.cues) }));
    hide((d) => (d.ids.add(proposal.id), d));
    if (panel.mode === "create" && panel.proposal?.id === proposal.id) setPanel({ mode: "idle" });
    focusTarget.current = { claimId: null, proposalId: next?.id };
    const result = await rejectProposalAction({
      investigationId,
      articleId,
      start: proposal.start,
      end: proposal.end,
      cue: proposal.cue,
    });
    if (!result.ok) {
      hide((d) => (d.ids.delete(proposal.id), d));
      setAnnouncement(`Not rejected: ${result.message}`);
      return;
    }
    if (result.cueRetired) hide((d) => (d.cues.add(proposal.cue), d));
    setAnnouncement(
      `Suggestion rejected: ${proposal.quote}.${result.cueRetired ? ` Figures after “${proposal.cue}” will not be suggested again.` : ""}`,
    );
  };

  // n / p walk the suggestions, claims and names alike in the order of the text; x rejects the
  // suggested claim in focus. Never while typing, nor in a form.
  const hasStops = shown.length > 0 || nameMarks.some((m) => "nameId" in m);
  // Where the walk was last: from the panel a stop opened, n goes on to the stop after that one.
  const walkedFrom = useRef<number | null>(null);
  useEffect(() => {
    if (!hasStops) return;
    const onFocus = (e: FocusEvent) => {
      const stop = e.target instanceof HTMLElement ? e.target : null;
      if (stop && (stop.dataset.proposal || stop.dataset.name) && stop.dataset.s && textRef.current?.contains(stop))
        walkedFrom.current = Number(stop.dataset.s);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !["n", "p", "x"].includes(e.key)) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest("input, textarea, select, form, [contenteditable], [role=dialog], [role=alertdialog]")) return;
      const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (e.key === "x") {
        const proposal = active?.dataset.proposal ? shown.find((p) => p.id === active.dataset.proposal) : undefined;
        if (!proposal) return;
        e.preventDefault();
        void reject(proposal);
        return;
      }
      // Every underline drawn, in the order of the text: a name's every place is a stop.
      const stops = [...(textRef.current?.querySelectorAll<HTMLElement>("[data-proposal], [data-name]") ?? [])];
      if (!stops.length) return;
      e.preventDefault();
      const current = active ? stops.indexOf(active) : -1;
      // From a stop, the next or previous; from elsewhere in the text, the nearest after (or before) it.
      const inText = active !== null && textRef.current?.contains(active);
      const at = current >= 0 ? null : inText && active.dataset.s ? Number(active.dataset.s) : inText ? null : walkedFrom.current;
      const startOf = (stop: HTMLElement) => Number(stop.dataset.s);
      // Out of the text (the panel a stop opened), the walk goes on past that stop, not onto it again.
      const fromPanel = current < 0 && !inText && at !== null;
      const index =
        current >= 0
          ? (current + (e.key === "n" ? 1 : stops.length - 1)) % stops.length
          : e.key === "n"
            ? Math.max(0, at === null ? 0 : stops.findIndex((stop) => (fromPanel ? startOf(stop) > at : startOf(stop) >= at)))
            : at === null
              ? stops.length - 1
              : (stops.findLastIndex((stop) => startOf(stop) < at) + stops.length) % stops.length;
      stops[index]!.scrollIntoView({ block: "center" });
      stops[index]!.focus({ preventScroll: true });
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  });

  const warm = () => warmPanels(!readOnly);
  const close = () => {
    focusTarget.current = { claimId: selectedId, proposalId: panel.mode === "create" ? panel.proposal?.id : undefined };
    setPanel({ mode: "idle" });
    window.getSelection()?.removeAllRanges();
  };
  const saved = (result: ClaimSaved) => {
    const accepted = panel.mode === "create" ? panel.proposal : undefined;
    update((state) => applySave(state, result), result.openConflicts);
    setPanel({ mode: "idle" });
    window.getSelection()?.removeAllRanges();
    // Accepting a suggestion moves on to the next one: a pass over the article stays on the keyboard.
    focusTarget.current = { claimId: result.id, proposalId: accepted && proposalAfter(accepted)?.id };
    setAnnouncement(savedMessage(result));
  };

  return (
    <div
      className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,42rem)_minmax(20rem,1fr)]"
      onMouseDownCapture={warm}
      onTouchStartCapture={warm}
      onKeyDownCapture={warm}
      onFocusCapture={warm}
    >
      <div className="rounded-lg bg-white px-5 py-2 shadow-sm ring-1 ring-slate-200 sm:px-8 sm:py-4">
        <div className="-mx-5 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-100 px-5 pb-2 text-xs text-slate-500 sm:-mx-8 sm:px-8">
          {readOnly ? (
            <span>Read only: you are a viewer in this investigation.</span>
          ) : (
            <>
              <span>Select words to record a claim, or</span>
              <button
                type="button"
                onClick={() => setPanel({ mode: "find" })}
                className="rounded font-medium text-indigo-700 hover:underline"
              >
                Annotate by quote…
              </button>
            </>
          )}
          {/* Each key whole, the keys wrapping: on a phone the row is wider than the screen once names load. */}
          <span className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1" aria-hidden>
            <LegendKey swatch="rounded-sm bg-amber-100 ring-1 ring-amber-400">claim</LegendKey>
            <LegendKey swatch="border-b-2 border-dashed border-rose-600 bg-amber-100">in open conflict</LegendKey>
            <LegendKey swatch="rounded-sm bg-slate-100 ring-1 ring-slate-300">retracted</LegendKey>
            {shown.length > 0 && <LegendKey swatch="border-b-2 border-dotted border-sky-600">suggestion</LegendKey>}
            {nameMarks.some((m) => "nameId" in m) && <LegendKey swatch="border-b-2 border-dashed border-violet-500">new name</LegendKey>}
          </span>
        </div>
        {offerProposals && (
          <SuggestionsBar show={showSuggestions} onShowChange={setShowSuggestions} count={proposals ? pending.length : null}>
            {canAcceptAll && showSuggestions && pending.length > 0 && (
              <Suspense fallback={null}>
                <AcceptAllProposals
                  investigationId={investigationId}
                  articleId={articleId}
                  proposals={pending}
                  onDone={(message, openConflicts) => {
                    setAnnouncement(message);
                    if (openConflicts !== undefined) announceOpenConflicts(investigationId, openConflicts);
                  }}
                />
              </Suspense>
            )}
          </SuggestionsBar>
        )}
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
        <div
          ref={textRef}
          tabIndex={-1}
          aria-label="Article text"
          onMouseDown={(e) => {
            pointerDown.current = { x: e.clientX, y: e.clientY };
            dragged.current = false;
          }}
          onMouseUp={(e) => {
            const from = pointerDown.current;
            dragged.current = Boolean(from && Math.hypot(e.clientX - from.x, e.clientY - from.y) > 4);
            if (selectionInText(textRef.current)) return captureSelection();
            // A drag that made no selection (it began on a highlight): the words between the two points.
            const words = dragged.current && from ? wordsBetween(textRef.current, from, { x: e.clientX, y: e.clientY }) : null;
            const tidy = !readOnly && words && tidySelection(body, words.start, words.end);
            if (tidy) setPanel({ mode: "create", ...tidy });
          }}
          // A drag that ended on a highlight records a new claim: the highlight's click does not open its details.
          onClickCapture={(e) => {
            if (!dragged.current) return;
            dragged.current = false;
            e.stopPropagation();
          }}
          onKeyUp={(e) => {
            if (e.shiftKey || e.key === "Shift") captureSelection();
          }}
          className="reader-text font-serif text-[1.0625rem] leading-relaxed text-slate-800 outline-none selection:bg-indigo-200"
        >
          {blocks.map((block) => {
            const range = blockRange(block);
            return (
              <ArticleBlock
                key={block.kind === "list" ? `l${range.start}` : range.start}
                block={block}
                body={body}
                claims={placed}
                proposals={shown}
                names={nameMarks}
                // Only the blocks holding the open claim or name draw again when it changes.
                selectedId={selected?.anchor && overlapping(selected.anchor, range) ? selected.id : null}
                openNameId={
                  openNameId && nameMarks.some((m) => "nameId" in m && m.nameId === openNameId && overlapping(m, range)) ? openNameId : null
                }
                onOpen={focusClaim}
                onOpenProposal={openProposal}
                onOpenName={openNameById}
              />
            );
          })}
        </div>
      </div>

      <aside aria-label="Claims" className="space-y-4 lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
        {/* On a phone the open panel is a sheet over the text, so the form sits next to the words. */}
        <div
          ref={panelRef}
          className={`scroll-mt-4 ${
            panel.mode === "idle"
              ? ""
              : "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:max-h-[70vh] max-lg:overflow-y-auto max-lg:rounded-t-xl max-lg:bg-white max-lg:shadow-[0_-8px_30px_rgba(15,23,42,0.25)]"
          }`}
        >
          {panel.mode === "idle" && (
            <div className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
              <p>
                {readOnly
                  ? "Choose a highlight to see its claim."
                  : "Select words in the article to record a claim about them, or choose a highlight to see its claim."}
              </p>
            </div>
          )}
          {panel.mode === "find" && (
            <section aria-label="Find the words to annotate" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <Suspense fallback={<Opening what="…" />}>
                <QuoteFinder body={body} onFound={(range: TextRange) => setPanel({ mode: "create", ...range })} onCancel={close} />
              </Suspense>
            </section>
          )}
          {panel.mode === "create" && (
            <section className="rounded-lg bg-white p-4 shadow-sm ring-2 ring-indigo-200">
              <h2 className="mb-3 font-semibold">New claim</h2>
              {panel.proposal && (
                <div className="-mt-2 mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                  <p>
                    Suggested by Crosscheck ({Math.round(panel.proposal.confidence * 100)}% confident): check the fields, then{" "}
                    <kbd className="rounded border border-slate-300 px-1">Enter</kbd> saves.
                  </p>
                  <button
                    type="button"
                    onClick={() => void reject(panel.proposal!)}
                    className="rounded font-medium text-rose-700 hover:underline"
                  >
                    Reject suggestion
                  </button>
                </div>
              )}
              <Suspense fallback={<Opening what=" the form…" />}>
                <ClaimForm
                  key={`${panel.start}-${panel.end}`}
                  investigationId={investigationId}
                  target={{ kind: "create", articleId, start: panel.start, end: panel.end, quote: body.slice(panel.start, panel.end) }}
                  initial={panel.proposal && draftFromProposal(panel.proposal, local.subjects)}
                  proposedConfidence={panel.proposal?.confidence}
                  publishedAt={publishedAt}
                  timeZone={timeZone}
                  subjects={local.subjects}
                  subjectsLoading={!subjectsLoaded}
                  attributes={local.attributes}
                  onSaved={saved}
                  onCancel={close}
                />
              </Suspense>
            </section>
          )}
          {panel.mode === "edit" && selected && (
            <section className="rounded-lg bg-white p-4 shadow-sm ring-2 ring-indigo-200">
              <h2 className="mb-3 font-semibold">Edit claim</h2>
              <Suspense fallback={<Opening what=" the form…" />}>
                <ClaimForm
                  key={selected.id}
                  investigationId={investigationId}
                  target={{ kind: "edit", claimId: selected.id, version: selected.version, quote: selected.quote }}
                  initial={{
                    subjectId: selected.subject.id,
                    subjectName: selected.subject.name,
                    subjectText: selected.subjectText,
                    attribute: selected.attributeLabel,
                    valueKind: selected.valueKind,
                    valueText: selected.valueText,
                    asOf: selected.asOfText ?? "",
                    note: selected.note ?? "",
                    accordingTo: selected.accordingTo ?? "",
                    method: selected.method ?? "",
                    appliesToPart: selected.appliesToPart ?? "",
                  }}
                  publishedAt={publishedAt}
                  timeZone={timeZone}
                  subjects={local.subjects}
                  subjectsLoading={!subjectsLoaded}
                  attributes={local.attributes}
                  onSaved={(result) => {
                    update((state) => applySave(state, result), result.openConflicts);
                    setPanel({ mode: "view", claimId: selected.id });
                    setAnnouncement(savedMessage(result));
                  }}
                  onCancel={() => setPanel({ mode: "view", claimId: selected.id })}
                />
              </Suspense>
            </section>
          )}
          {panel.mode === "name" && openName && (
            <Suspense fallback={<Opening what=" the name…" />}>
              <NamePanel
                key={openName.id}
                investigationId={investigationId}
                articleId={articleId}
                name={openName}
                onChosen={(chosen) => chosenName(openName, chosen)}
                onClose={() => {
                  focusTarget.current = { claimId: null, nameId: openName.id };
                  setPanel({ mode: "idle" });
                }}
              />
            </Suspense>
          )}
          {panel.mode === "view" && selected && (
            <Suspense fallback={<Opening what=" the claim…" />}>
              <ClaimDetails
                readOnly={readOnly}
                investigationId={investigationId}
                claim={selected}
                onEdit={() => setPanel({ mode: "edit", claimId: selected.id })}
                onClose={close}
                onChanged={(result) => update((state) => applySave(state, result), result.openConflicts)}
                onDeleted={({ conflicts, openConflicts }) => {
                  update((state) => applyDelete(state, selected.id, conflicts), openConflicts);
                  setPanel({ mode: "idle" });
                }}
              />
            </Suspense>
          )}
        </div>
        {showSuggestions && panel.mode !== "name" && pendingNames.length > 0 && (
          <Suspense fallback={null}>
            <NameList names={pendingNames} onOpen={(n) => setPanel({ mode: "name", nameId: n.id })} />
          </Suspense>
        )}
        <ClaimList claims={placed} orphans={orphans} selectedId={selectedId} onOpen={focusClaim} describe={label} />
      </aside>
    </div>
  );
}

/** A suggestion's guesses as the claim form's fields: the subject an entity when it is one, else a new name. */
function draftFromProposal(p: ReaderProposal, subjects: SubjectOption[]): ClaimDraft {
  const known = p.subject?.entityId ? subjects.find((s) => s.id === p.subject!.entityId) : undefined;
  return {
    // The guessed entity even before the subject box's names have come (its name is the proposal's).
    subjectId: p.subject?.entityId ?? "",
    subjectName: known?.name ?? p.subject?.name ?? "",
    ...(p.subject?.kind && { subjectKind: p.subject.kind }),
    subjectText: "",
    attribute: p.attribute ?? "",
    valueKind: p.valueKind,
    valueText: p.valueText,
    asOf: p.asOf ?? "",
    note: "",
    accordingTo: "",
    method: "",
    appliesToPart: "",
  };
}

/** Focuses a suggestion's underline, brought to the middle of the view; false when it is not drawn. */
function focusProposal(container: HTMLElement | null, id: string): boolean {
  const underline = container?.querySelector<HTMLElement>(`[data-proposal="${id}"]`);
  if (!underline) return false;
  underline.scrollIntoView({ block: "center" });
  underline.focus({ preventScroll: true });
  return true;
}

/** What a screen reader hears after a save: the claim, and the conflicts it opened or changed. */
function savedMessage(result: ClaimSaved): string {
  const c = result.claim;
  const opened = result.conflicts.filter((x) => x.status === "open").length;
  return `Saved: ${c.subject.name} · ${c.attributeLabel} · ${c.valueText}.${opened ? ` ${opened} open conflict${opened === 1 ? "" : "s"} involve it.` : ""}`;
}

/** Where a block's words lie in the body. */
function blockRange(block: Block): TextRange {
  return block.kind === "list" ? { start: block.items[0]!.start, end: block.items.at(-1)!.end } : block;
}

/**
 * One block of the article (a paragraph, a heading or a list), drawn again only when what it
 * shows changes: opening the form or a claim leaves the other blocks alone, which keeps the
 * reader quick at hundreds of highlights.
 */
const ArticleBlock = memo(function ArticleBlock({ block, ...runs }: { block: Block } & Omit<RunsProps, "range">) {
  if (block.kind === "list") {
    return (
      <ul className="my-4 list-disc space-y-2 pl-6 marker:text-slate-400">
        {block.items.map((item) => (
          <li key={item.start} className={item.depth ? "ml-5" : ""}>
            <Runs {...runs} range={item} />
          </li>
        ))}
      </ul>
    );
  }
  const Tag = block.kind === "heading" ? "h2" : "p";
  return (
    <Tag className={block.kind === "heading" ? "mt-8 mb-2 font-sans text-base font-semibold text-slate-900" : "my-4"}>
      <Runs {...runs} range={block} />
    </Tag>
  );
});

type RunsProps = {
  /** The proposed name open in the panel: its places stay marked. */
  openNameId: string | null;
  body: string;
  range: TextRange;
  /** Names to draw where neither a claim nor a suggestion is. */
  names: NameMark[];
  onOpenName: (nameId: string) => void;
  claims: Placed[];
  /** Suggestions to draw: none of them overlaps a claim, so each lies inside one run without claims. */
  proposals: ReaderProposal[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  onOpenProposal: (proposal: ReaderProposal) => void;
};

/** One block's text, cut into runs so that overlapping and adjacent claims all show. */
function Runs({ body, range, claims, proposals, selectedId, onOpen, onOpenProposal, names, openNameId, onOpenName }: RunsProps) {
  return segmentText(range.start, range.end, claims).flatMap((run) => {
    const text = body.slice(run.start, run.end);
    if (run.items.length === 0) {
      return segmentText(run.start, run.end, proposals).flatMap((part) => {
        const words = body.slice(part.start, part.end);
        const p = part.items[0];
        if (!p) return segmentText(part.start, part.end, names).map((piece) => nameRun(body, piece, openNameId, onOpenName));
        return (
          <span
            key={part.start}
            data-s={part.start}
            data-proposal={p.id}
            data-tip={proposalTip(p)}
            tabIndex={0}
            role="button"
            aria-label={proposalName(p)}
            onClick={(e) => {
              e.stopPropagation();
              onOpenProposal(p);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                onOpenProposal(p);
              }
            }}
            className={PROPOSAL_STYLE}
          >
            {words}
          </span>
        );
      });
    }
    // The innermost (shortest) claim speaks for a run covered by several.
    const top = [...run.items].sort((a, b) => a.end - a.start - (b.end - b.start))[0]!;
    const isSelected = run.items.some((c) => c.id === selectedId);
    const disputed = run.items.some((c) => openConflictsOf(c).length > 0);
    const labels = run.items.map(label);
    return (
      <mark
        key={run.start}
        data-s={run.start}
        data-claims={run.items.map((c) => c.id).join(" ")}
        data-status={top.status}
        data-open-conflict={disputed || undefined}
        tabIndex={0}
        role="button"
        // Also its tooltip (app/globals.css): one copy of the text on each of hundreds of highlights.
        aria-label={highlightName(text, labels)}
        onClick={(e) => {
          e.stopPropagation();
          onOpen(top.id);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            onOpen(top.id);
          }
        }}
        data-selected={isSelected || undefined}
        // Its colours come from its data-status, data-open-conflict and data-selected (app/globals.css).
        className="highlight"
      >
        {text}
      </mark>
    );
  });
}

/** Words with no claim or suggestion over them: plain, a proposed name, or a known entity's mention. */
function nameRun(
  body: string,
  piece: { start: number; end: number; items: NameMark[] },
  openNameId: string | null,
  onOpenName: (nameId: string) => void,
) {
  const words = body.slice(piece.start, piece.end);
  const mark = piece.items[0];
  if (!mark) {
    return (
      <span key={piece.start} data-s={piece.start}>
        {words}
      </span>
    );
  }
  if ("entity" in mark) {
    return (
      <a
        key={piece.start}
        href={mark.href}
        data-s={piece.start}
        data-entity={mark.entity.id}
        data-tip={`${mark.entity.name} · ${mark.entity.kind}\nOpen the entity's page`}
        tabIndex={-1}
        draggable={false}
        className={MENTION_STYLE}
      >
        {words}
      </a>
    );
  }
  const open = (e: { preventDefault(): void; stopPropagation(): void }) => {
    e.preventDefault();
    e.stopPropagation();
    onOpenName(mark.nameId);
  };
  return (
    <span
      key={piece.start}
      data-s={piece.start}
      data-name={mark.nameId}
      data-tip={`${mark.name}: not an entity yet\nEnter to make it one, an alias, or dismiss it`}
      tabIndex={0}
      role="button"
      aria-label={`Name not yet an entity: ${mark.name}`}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") open(e);
      }}
      className={`${NAME_STYLE}${mark.nameId === openNameId ? " bg-violet-100" : ""}`}
    >
      {words}
    </span>
  );
}

/**
 * Where a run of the text ends in the body: where it starts (its data-s) and its length. Not an
 * attribute of its own: one more on each of an article's thousand runs, sent and parsed each visit.
 */
const runEnd = (run: HTMLElement) => Number(run.dataset.s) + (run.textContent?.length ?? 0);

/** A DOM range over these body offsets (UTF-16), through the runs that carry them (data-s). */
function rangeOfOffsets(container: HTMLElement, start: number, end: number): Range | null {
  // The runs follow the text, each after the one before: the one holding an offset is found by
  // halving, not by reading the offsets of the hundreds before it.
  const runs = container.querySelectorAll<HTMLElement>("[data-s]");
  const point = (offset: number, side: "start" | "end") => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const run = runs[mid]!;
      const s = Number(run.dataset.s);
      const e = runEnd(run);
      if (side === "start" ? offset < s : offset <= s) hi = mid - 1;
      else if (side === "start" ? offset >= e : offset > e) lo = mid + 1;
      else {
        const text = run.firstChild;
        return text?.nodeType === Node.TEXT_NODE ? { node: text, offset: offset - s } : null;
      }
    }
    return null;
  };
  const from = point(start, "start");
  const to = point(end, "end");
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The current selection as offsets in the body, when it lies inside the article text. */
function selectionInText(container: HTMLElement | null): TextRange | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return offsetsOfRange(container, selection.getRangeAt(0));
}

/**
 * The words between two pointer positions, as offsets in the body. A drag that starts on a
 * highlight (focusable, for the keyboard) makes no selection in Chromium: the words are read
 * from where the button went down and up instead.
 */
function wordsBetween(container: HTMLElement | null, a: { x: number; y: number }, b: { x: number; y: number }): TextRange | null {
  const caret = (p: { x: number; y: number }) => {
    const doc = document as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    const position = doc.caretPositionFromPoint?.(p.x, p.y);
    if (position) return { node: position.offsetNode, offset: position.offset };
    const range = doc.caretRangeFromPoint?.(p.x, p.y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  };
  const from = caret(a);
  const to = caret(b);
  if (!container || !from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  // Dragged leftwards: the range collapsed; the other way round.
  if (range.collapsed) {
    range.setStart(to.node, to.offset);
    range.setEnd(from.node, from.offset);
  }
  return offsetsOfRange(container, range);
}

function offsetsOfRange(container: HTMLElement, range: Range): TextRange | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = boundaryOffset(range.startContainer, range.startOffset, "start");
  const end = boundaryOffset(range.endContainer, range.endOffset, "end");
  return start !== null && end !== null && end > start ? { start, end } : null;
}

function boundaryOffset(node: Node, offset: number, side: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const host = node.parentElement?.closest<HTMLElement>("[data-s]");
    return host ? Number(host.dataset.s) + offset : null;
  }
  const element = node as HTMLElement;
  const own = element.closest<HTMLElement>("[data-s]");
  if (own) return offset === 0 ? Number(own.dataset.s) : runEnd(own);
  const runs = [...element.querySelectorAll<HTMLElement>("[data-s]")];
  const child = element.childNodes[offset];
  if (side === "start") {
    const next = runs.find(
      (r) => child && (child === r || child.contains(r) || child.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    return next ? Number(next.dataset.s) : null;
  }
  const before = runs.filter((r) => !child || child.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_PRECEDING).at(-1);
  return before ? runEnd(before) : null;
}

/**
 * The investigation's entities for the claim form's subject box and its attributes in use for the
 * attribute box, asked for once the page is drawn (an investigation can hold thousands of each;
 * the page does not wait for them) and again when the server's claims change (a refresh after
 * "accept all" may have named new entities and counted more claims). True once known.
 */
function useFormOptions(
  wanted: boolean,
  investigationId: string,
  claimsVersion: unknown,
  onLoaded: (options: { subjects: SubjectOption[]; attributes: AttributeOption[] }) => void,
): boolean {
  const [loadedFor, setLoadedFor] = useState<unknown>(undefined);
  const latest = useRef(onLoaded);
  useEffect(() => {
    latest.current = onLoaded;
  });
  useEffect(() => {
    if (!wanted || loadedFor === claimsVersion) return;
    let current = true;
    void listSubjectOptions({ investigationId }).then((result) => {
      if (!current || !result.ok) return;
      latest.current(result);
      setLoadedFor(claimsVersion);
    });
    return () => {
      current = false;
    };
  }, [wanted, loadedFor, investigationId, claimsVersion]);
  return loadedFor !== undefined;
}

/** The names the server gave, and any created here since it was asked (a save made a new entity). */
function withNamesSince(loaded: SubjectOption[], had: SubjectOption[]): SubjectOption[] {
  const known = new Set(loaded.map((s) => s.id));
  const added = had.filter((s) => !known.has(s.id));
  return added.length ? [...loaded, ...added].sort((a, b) => a.name.localeCompare(b.name)) : loaded;
}

/**
 * This article's suggestions, asked for once the page is drawn and suggestions are shown (working
 * them out takes the server a while on a long article); asked again when the server's claims change
 * (a refresh after "accept all"). Null until offered and known.
 */
function useArticleProposals(wanted: boolean, investigationId: string, articleId: string, claimsVersion: unknown) {
  const [known, setKnown] = useState<{ for: unknown; proposals: ReaderProposal[] } | null>(null);
  useEffect(() => {
    if (!wanted || known?.for === claimsVersion) return;
    let current = true;
    void listProposals({ investigationId, articleId }).then((result) => {
      if (current && result.ok) setKnown({ for: claimsVersion, proposals: result.proposals });
    });
    return () => {
      current = false;
    };
  }, [wanted, known, investigationId, articleId, claimsVersion]);
  return wanted ? (known?.proposals ?? null) : null;
}

/**
 * This article's names (proposed and known), asked for once the page is drawn and suggestions are
 * shown, and again after each choice (`asked`). Null until known.
 */
function useArticleNames(wanted: boolean, investigationId: string, articleId: string, asked: number) {
  const [known, setKnown] = useState<{ for: number; names: ReaderNames } | null>(null);
  useEffect(() => {
    if (!wanted || known?.for === asked) return;
    let current = true;
    void listNames({ investigationId, articleId }).then((result) => {
      if (current && result.ok) setKnown({ for: asked, names: { mentions: result.mentions, names: result.names } });
    });
    return () => {
      current = false;
    };
  }, [wanted, known, investigationId, articleId, asked]);
  return wanted ? (known?.names ?? null) : null;
}

/** One key of the reader's legend: its mark and what it means, kept on one line. */
function LegendKey({ swatch, children }: { swatch: string; children: React.ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className={`inline-block h-2.5 w-4 ${swatch}`} />
      {children}
    </span>
  );
}
