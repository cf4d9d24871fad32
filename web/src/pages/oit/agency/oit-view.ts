// Pure helpers of the agency's OIT pages (tested without a browser). The server decides what may be done
// (`can`) and whether an answer is acceptable; these only shape what it sent for the screen, and give early
// hints with the same rules the server applies (src/core/oit/answer-rules.ts).
import {
  answerProblems,
  normalizeAnswer,
  type UrlWarning,
  urlWarnings,
} from '@server/core/oit/answer-rules.ts';
import type {
  AnswerView,
  Assessment,
  Checklist,
  ChecklistItem,
  EvidenceCheck,
  SaveAnswerBody,
} from '../../../api/oit.ts';
import { ApiError, type ErrorDetail } from '../../../lib/api.ts';
import type { Lang } from '../../../lib/format.ts';

/** Badge styles for long Thai labels: wrap rather than cut off. */
export const badgeWrap = {
  root: { height: 'auto' },
  label: { whiteSpace: 'normal' as const, overflow: 'visible' as const },
};

// ── The checklist ──────────────────────────────────────────────────────────────────────────────────────

/** Every item of the checklist, in framework order. */
export function allItems(c: Checklist): ChecklistItem[] {
  return c.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items));
}

/** Is any evidence check of the checklist still waiting or running? (The page then polls.) */
export function hasPendingEvidence(c: Checklist | undefined): boolean {
  if (!c) return false;
  return allItems(c).some((i) => i.answer.urls.some((u) => isChecking(u.evidence)));
}

const isChecking = (e: EvidenceCheck | null) => e !== null && e.verdict === 'pending';

export const ITEM_FILTERS = ['all', 'unanswered', 'mine', 'returned', 'evidence'] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

/** Items shown under a filter: unanswered, delegated to the viewer, returned, or with evidence to fix. */
export function matchesFilter(item: ChecklistItem, filter: ItemFilter, userId: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !item.answer.answered;
    case 'mine':
      return item.answer.assignee?.id === userId;
    case 'returned':
      return item.answer.state === 'returned';
    case 'evidence':
      return item.answer.urls.some((u) => {
        const v = evidenceVerdict(u.evidence);
        return v === 'broken' || u.warnings.length > 0 || u.evidence?.onMainDomain === false;
      });
  }
}

/** Items the executive may send back: waiting for approval, or approved and not assessed yet. */
export function returnableCodes(c: Checklist): string[] {
  if (!c.can.return) return [];
  return allItems(c)
    .filter((i) => i.answer.state === 'submitted' || i.answer.state === 'approved')
    .map((i) => i.code);
}

export type ReadOnlyReason = 'notDelegated' | 'stageClosed' | 'locked' | 'viewOnly';

/**
 * Why an item the viewer cannot edit is read-only, to say so next to it. The server's `can.edit` decides;
 * this only explains (null when the viewer may edit).
 */
export function readOnlyReason(
  item: ChecklistItem,
  ctx: { role: string; userId: string; stageOpen: boolean },
): ReadOnlyReason | null {
  if (item.can.edit) return null;
  if (ctx.role !== 'agency_admin' && ctx.role !== 'agency_staff') return 'viewOnly';
  if (!ctx.stageOpen) return 'stageClosed';
  if (item.answer.state !== 'draft' && item.answer.state !== 'returned') return 'locked';
  if (ctx.role === 'agency_staff' && item.answer.assignee?.id !== ctx.userId) return 'notDelegated';
  return 'locked';
}

/** Badge colour of an item state. */
export function stateColor(state: AnswerView['state']): string {
  switch (state) {
    case 'draft':
      return 'gray';
    case 'submitted':
      return 'blue';
    case 'approved':
      return 'teal';
    case 'returned':
      return 'orange';
    case 'assessed':
      return 'indigo';
    case 'disputed':
      return 'yellow';
    case 'confirmed':
      return 'green';
  }
}

/** Badge colour of a clarification: waiting, accepted or rejected. */
export function decisionColor(decision: 'accepted' | 'rejected' | null | undefined): string {
  return decision === 'accepted' ? 'green' : decision === 'rejected' ? 'red' : 'yellow';
}

/** The codes the server listed as unanswered when it refused a submission (409 oit_unanswered). */
export function unansweredOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'oit_unanswered') return null;
  const list = (error.details as { unanswered?: unknown } | undefined)?.unanswered;
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
}

/** The error's message only: its details are codes for the page, not lines for people. */
export function messageOf(error: unknown, lang: Lang): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.messageIn(lang);
  return null;
}

/** The URLs the server refused in an answer (its problems carry { code, path, url }), to mark their fields. */
export function problemUrls(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: ErrorDetail[] } | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.map((p) => p.url).filter((u): u is string => typeof u === 'string');
}

/** The year an agency's OIT page opens on: its newest participation. */
export function newestYear(participations: readonly { year: number }[]): number | null {
  return participations.reduce<number | null>((m, p) => (m === null || p.year > m ? p.year : m), null);
}

// ── The answer form ────────────────────────────────────────────────────────────────────────────────────

export interface Draft {
  has: boolean | null;
  /** Always at least one row, so there is a field to type in. */
  urls: string[];
  explanation: string;
}

export function draftOf(answer: AnswerView): Draft {
  const urls = answer.urls.map((u) => u.url);
  return { has: answer.has, urls: urls.length > 0 ? urls : [''], explanation: answer.explanation ?? '' };
}

export function bodyOf(draft: Draft): SaveAnswerBody {
  return normalizeAnswer({ has: draft.has, urls: draft.urls, explanation: draft.explanation });
}

/** Does the form differ from what is saved (after the trimming the server does)? */
export function isDirty(draft: Draft, answer: AnswerView): boolean {
  const a = bodyOf(draft);
  return (
    a.has !== answer.has ||
    (a.explanation ?? null) !== (answer.explanation ?? null) ||
    a.urls.join('\n') !== answer.urls.map((u) => u.url).join('\n')
  );
}

export interface UrlHint {
  /** Why the server would refuse it, in the UI language. */
  problem: string | null;
  warnings: UrlWarning[];
}

/** Early hints for a URL being typed: not an http(s) address, not on the agency's main website. */
export function urlHint(url: string, website: string | null, mainWebsite: boolean, lang: Lang): UrlHint {
  const trimmed = url.trim();
  if (!trimmed) return { problem: null, warnings: [] };
  const [problem] = answerProblems({ has: true, urls: [trimmed], explanation: null });
  if (problem) return { problem: lang === 'th' ? problem.th : problem.en, warnings: [] };
  return { problem: null, warnings: urlWarnings(trimmed, website, mainWebsite) };
}

// ── Evidence ───────────────────────────────────────────────────────────────────────────────────────────

export type EvidenceVerdict = 'none' | 'pending' | 'reachable' | 'broken';

/** An answer URL's evidence in short: not checked, being checked, reachable, or broken (error or failure). */
export function evidenceVerdict(e: EvidenceCheck | null): EvidenceVerdict {
  if (!e) return 'none';
  if (e.verdict === 'pending') return 'pending';
  return e.verdict === 'reachable' ? 'reachable' : 'broken';
}

// ── Stage ──────────────────────────────────────────────────────────────────────────────────────────────

/** A stage as the API states it: `phase` and `daysLeft` come from the server's one rule, never recomputed. */
export interface StageSummary {
  code: string;
  name: { th: string; en?: string } | null;
  open: boolean;
  phase: 'upcoming' | 'open' | 'ended' | null;
  daysLeft: number | null;
  opensOn: string | null;
  closesOn: string | null;
  extended: boolean;
}

/**
 * The stage the agency is in and its deadline: the assessment's "current" stage when it could be read (it
 * follows the whole workflow), else the answering window of the checklist; null once confirmed.
 */
export function stageSummary(
  checklist: Pick<Checklist, 'stage' | 'review'>,
  assessment: Pick<Assessment, 'current' | 'review'> | undefined,
): StageSummary | null {
  if (assessment) {
    if (!assessment.current) return null;
    const { code, name, open, phase, daysLeft, opensOn, closesOn, extended } = assessment.current;
    return { code, name, open, phase, daysLeft, opensOn, closesOn, extended };
  }
  if (checklist.review.status === 'confirmed') return null;
  const s = checklist.stage;
  return {
    code: s.code,
    name: s.name,
    open: s.open,
    phase: s.phase,
    daysLeft: s.daysLeft,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    extended: s.extended,
  };
}

// ── History ────────────────────────────────────────────────────────────────────────────────────────────

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What an audit entry changed: the fields whose values differ (every field of a first entry). */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ field: 'value', before, after }];
  }
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => !same(b[f], a[f]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value of an audit entry in a form the page can render readably. */
export type Readable =
  | { kind: 'empty' }
  | { kind: 'state'; state: string }
  | { kind: 'has'; value: boolean }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'decision'; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'text'; text: string };

export function readableValue(field: string, value: unknown): Readable {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (field === 'state') return { kind: 'state', state: String(value) };
  if (field === 'has' && typeof value === 'boolean') return { kind: 'has', value };
  if (field === 'decision') return { kind: 'decision', value: String(value) };
  if (typeof value === 'boolean') return { kind: 'yesNo', value };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    // Components are stored by position from 0; people count them from 1.
    if (field === 'componentsFound') return { kind: 'list', items: value.map((v) => String(Number(v) + 1)) };
    return { kind: 'list', items: value.map((v) => textOf(v)) };
  }
  return { kind: 'text', text: textOf(value) };
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRecord(v) && typeof v.displayName === 'string') return v.displayName;
  return JSON.stringify(v);
}
