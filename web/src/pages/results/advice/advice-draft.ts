// The advice editor's draft: the lines as the assessor types them, turned into the PUT body, and what is
// missing before it can be saved. Pure, for tests.
import type { Advice, AdviceBody } from '../../../api/advice.ts';

export type AdviceInstrument = 'IIT' | 'EIT';

export interface DraftEntry {
  /** A key for React that survives reordering and removal. */
  key: string;
  instrument: AdviceInstrument;
  /** The question as ITAS shows it; '' for the instrument as a whole. */
  questionCode: string;
  issue: string;
  advice: string;
}

export interface AdviceDraft {
  entries: DraftEntry[];
  overall: string;
}

let counter = 0;
export const newKey = () => `e${++counter}`;

export function draftFromAdvice(advice: Pick<Advice, 'entries' | 'overall'>): AdviceDraft {
  return {
    entries: advice.entries.map((e) => ({
      key: newKey(),
      instrument: e.instrument,
      questionCode: e.questionCode ?? '',
      issue: e.issue,
      advice: e.advice,
    })),
    overall: advice.overall ?? '',
  };
}

export function emptyEntry(instrument: AdviceInstrument): DraftEntry {
  return { key: newKey(), instrument, questionCode: '', issue: '', advice: '' };
}

const blank = (e: DraftEntry) => !e.questionCode && !e.issue.trim() && !e.advice.trim();

/** The body to PUT: blank lines dropped, text trimmed, IIT lines before EIT lines, the version read. */
export function bodyFromDraft(draft: AdviceDraft, version: number): AdviceBody {
  const entries = draft.entries.filter((e) => !blank(e));
  const ordered = [
    ...entries.filter((e) => e.instrument === 'IIT'),
    ...entries.filter((e) => e.instrument === 'EIT'),
  ];
  const overall = draft.overall.trim();
  return {
    entries: ordered.map((e) => ({
      instrument: e.instrument,
      questionCode: e.questionCode || null,
      issue: e.issue.trim(),
      advice: e.advice.trim(),
    })),
    overall: overall === '' ? null : overall,
    version,
  };
}

export type EntryProblem = 'issue' | 'advice' | 'issueTooLong' | 'adviceTooLong';

/** What each line still needs (by key); a blank line needs nothing (it is dropped). */
export function draftProblems(
  draft: AdviceDraft,
  limits: { issue: number; advice: number },
): Map<string, EntryProblem[]> {
  const out = new Map<string, EntryProblem[]>();
  for (const e of draft.entries) {
    if (blank(e)) continue;
    const list: EntryProblem[] = [];
    if (!e.issue.trim()) list.push('issue');
    else if (e.issue.trim().length > limits.issue) list.push('issueTooLong');
    if (!e.advice.trim()) list.push('advice');
    else if (e.advice.trim().length > limits.advice) list.push('adviceTooLong');
    if (list.length > 0) out.set(e.key, list);
  }
  return out;
}

/** Whether the draft differs from what is saved (compared as the bodies they make). */
export function draftChanged(draft: AdviceDraft, saved: Pick<Advice, 'entries' | 'overall'>): boolean {
  return JSON.stringify(bodyFromDraft(draft, 0)) !== JSON.stringify(bodyFromDraft(draftFromAdvice(saved), 0));
}
