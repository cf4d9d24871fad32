// Pure helpers of the assessor's OIT pages (tested without a browser). What an item scores, whether it may
// be scored and the OIT score all come from the server; these only shape the form and the view.
import type {
  Assessment,
  AssessmentItem,
  ItemScore,
  OitReviewStatus,
  ScoreBody,
} from '../../../api/oit-assessment.ts';
import { ApiError } from '../../../lib/api.ts';

// ── Which items to show ────────────────────────────────────────────────────────────────────────────────
export const ITEM_FILTERS = ['all', 'toScore', 'zero', 'clarifications'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

export function itemMatches(item: AssessmentItem, filter: ItemFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'toScore':
      return item.can.score && item.score === null;
    case 'zero':
      return item.score?.score === 0;
    case 'clarifications':
      return item.clarification !== null;
  }
}

/** The indicators with only the items that pass the filter; empty groups left out. */
export function filterIndicators(
  indicators: Assessment['indicators'],
  filter: ItemFilter,
): Assessment['indicators'] {
  return indicators
    .map((indicator) => ({
      ...indicator,
      subIndicators: indicator.subIndicators
        .map((sub) => ({ ...sub, items: sub.items.filter((i) => itemMatches(i, filter)) }))
        .filter((sub) => sub.items.length > 0),
    }))
    .filter((indicator) => indicator.subIndicators.length > 0);
}

/** Clarifications first while the assessor decides them; otherwise every item. */
export function defaultFilter(a: Pick<Assessment, 'current' | 'counts'>): ItemFilter {
  return a.current?.code === 'confirmation' && a.counts.disputed > 0 ? 'clarifications' : 'all';
}

/** The anchor of an item's card, for links from error lists. */
export const itemAnchor = (code: string) => `oit-item-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Item codes a refusal names (unscored, unapproved or undecided items), from the error's details. */
export function itemCodesOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const items = (error.details as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? items.filter((c): c is string => typeof c === 'string') : [];
}

// ── The score form ─────────────────────────────────────────────────────────────────────────────────────
export interface ScoreForm {
  score: 0 | 100 | null;
  found: number[];
  comment: string;
  advice: string;
}

export function initialScoreForm(score: ItemScore | null): ScoreForm {
  return {
    score: score ? score.score : null,
    found: score ? [...score.componentsFound].sort((a, b) => a - b) : [],
    comment: score?.comment ?? '',
    advice: score?.advice ?? '',
  };
}

/** The ticked components (checkbox values are their indices as text), sorted and without repeats. */
export function foundFromValues(values: readonly string[]): number[] {
  const indices = values.map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  return [...new Set(indices)].sort((a, b) => a - b);
}

/**
 * What the assessor should know before saving; the server refuses the same cases with its own message (an
 * item scores 100 only when every component is shown; a 0 needs advice).
 */
export function scoreFormHints(
  form: ScoreForm,
  componentCount: number,
): { score?: 'choose' | 'notEveryComponent'; advice?: 'required' } {
  const hints: { score?: 'choose' | 'notEveryComponent'; advice?: 'required' } = {};
  if (form.score === null) hints.score = 'choose';
  else if (form.score === 100 && form.found.length < componentCount) hints.score = 'notEveryComponent';
  if (form.score === 0 && form.advice.trim() === '') hints.advice = 'required';
  return hints;
}

/** The request body, or null while no score is chosen. Empty texts are sent as null. */
export function toScoreBody(form: ScoreForm): ScoreBody | null {
  if (form.score === null) return null;
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    score: form.score,
    componentsFound: form.found,
    comment: text(form.comment),
    advice: text(form.advice),
  };
}

/** Whether the form differs from what is saved. */
export function scoreFormChanged(form: ScoreForm, saved: ItemScore | null): boolean {
  const a = toScoreBody(form);
  const b = toScoreBody(initialScoreForm(saved));
  return JSON.stringify(a) !== JSON.stringify(b);
}

// ── Stages and statuses ────────────────────────────────────────────────────────────────────────────────
export function reviewStatusColor(status: OitReviewStatus): string {
  switch (status) {
    case 'answering':
      return 'gray';
    case 'awaiting_approval':
      return 'yellow';
    case 'approved':
      return 'blue';
    case 'assessed':
      return 'grape';
    case 'confirmed':
      return 'green';
  }
}

// ── Evidence ───────────────────────────────────────────────────────────────────────────────────────────
/** Whether a check of some URL is still waiting or running (the page then reloads until it is done). */
export function evidencePending(a: Pick<Assessment, 'indicators'>): boolean {
  return a.indicators.some((i) =>
    i.subIndicators.some((s) =>
      s.items.some((item) => item.evidence.some((e) => e.latest?.verdict === 'pending')),
    ),
  );
}

// ── Item by item ───────────────────────────────────────────────────────────────────────────────────────
/** Where an item stands in the list beside the open item. */
export type ItemListState = 'unscored' | 'full' | 'zero' | 'waiting';

export function itemListState(item: Pick<AssessmentItem, 'score' | 'can'>): ItemListState {
  if (item.score) return item.score.score === 100 ? 'full' : 'zero';
  return item.can.score ? 'unscored' : 'waiting';
}

/** The items of the indicators in page order (indicator → sub-indicator → item). */
export function flatItems(indicators: Assessment['indicators']): AssessmentItem[] {
  return indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items));
}

/** The item `delta` places from `code` (null at either end, or when `code` is not listed). */
export function stepItem(
  items: readonly { code: string }[],
  code: string | null,
  delta: number,
): string | null {
  const at = items.findIndex((i) => i.code === code);
  if (at < 0) return items[0]?.code ?? null;
  return items[at + delta]?.code ?? null;
}

/** The next item still to score after `code`, wrapping around to the start; null when none is left. */
export function nextUnscored(items: readonly AssessmentItem[], code: string | null): string | null {
  const at = items.findIndex((i) => i.code === code);
  const order = [...items.slice(at + 1), ...items.slice(0, at + 1)];
  return order.find((i) => i.code !== code && itemListState(i) === 'unscored')?.code ?? null;
}

/**
 * Whether a key press may act as a page shortcut: not while typing (text fields, text areas, selects,
 * editable content) and not with a modifier, so the shortcuts never take a letter from the assessor's text.
 * Checkboxes and radios are fine: their own keys (space, arrows) are not shortcuts.
 */
export function shortcutAllowed(e: {
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  const el = e.target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return true;
  if (el.isContentEditable) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return false;
  if (tag === 'INPUT') return el.type === 'checkbox' || el.type === 'radio';
  return true;
}

/** The OIT score's heading by where the review stands: "so far" only until the result is submitted. */
export function scoreTitleKey(status: OitReviewStatus): 'title' | 'titleAssessed' | 'titleConfirmed' {
  switch (status) {
    case 'answering':
    case 'awaiting_approval':
    case 'approved':
      return 'title';
    case 'assessed':
      return 'titleAssessed';
    case 'confirmed':
      return 'titleConfirmed';
  }
}
