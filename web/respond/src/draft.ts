// The respondent's work in progress, kept on the device until the server has confirmed the response: the
// answers, the submission id made when the questionnaire started (a retry or a reload sends the SAME id, and
// the server records it once), the start time for the duration, and the grant while it is valid.
// Nothing here ever leaves the device except through the submit request.
import type { Answers, Instrument } from './api.ts';

export interface Draft {
  v: 1;
  submissionId: string;
  /** Epoch milliseconds when the questionnaire was first shown. */
  startedAt: number;
  answers: Answers;
  grant?: string;
  grantExpiresAt?: string;
}

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const draftKey = (instrument: Instrument, agencyId: string, year: number) =>
  `prongsai:respond:${instrument}:${agencyId}:${year}`;

/** localStorage when the browser allows it; a page-lifetime map otherwise (private modes, full quota). */
export function deviceStore(): DraftStore {
  const memory = new Map<string, string>();
  const safe = <T>(f: () => T, fallback: () => T): T => {
    try {
      return f();
    } catch {
      return fallback();
    }
  };
  return {
    getItem: (k) =>
      safe(
        () => localStorage.getItem(k) ?? memory.get(k) ?? null,
        () => memory.get(k) ?? null,
      ),
    setItem: (k, v) => {
      memory.set(k, v);
      safe(
        () => localStorage.setItem(k, v),
        () => undefined,
      );
    },
    removeItem: (k) => {
      memory.delete(k);
      safe(
        () => localStorage.removeItem(k),
        () => undefined,
      );
    },
  };
}

export function loadDraft(store: DraftStore, key: string): Draft | null {
  const raw = store.getItem(key);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d.v !== 1 || typeof d.submissionId !== 'string' || typeof d.startedAt !== 'number') return null;
    if (!d.answers || typeof d.answers !== 'object') return null;
    return d as Draft;
  } catch {
    return null;
  }
}

export function saveDraft(store: DraftStore, key: string, draft: Draft): void {
  store.setItem(key, JSON.stringify(draft));
}

export function newDraft(now: number, id: string = newSubmissionId()): Draft {
  return { v: 1, submissionId: id, startedAt: now, answers: {} };
}

/** The grant if it is still valid a minute from now (a submit must not race its expiry). */
export function validGrant(draft: Draft | null, now: number): string | null {
  if (!draft?.grant || !draft.grantExpiresAt) return null;
  return Date.parse(draft.grantExpiresAt) - 60_000 > now ? draft.grant : null;
}

/** Whole seconds since the questionnaire started, at least 1. */
export function durationSeconds(draft: Draft, now: number): number {
  return Math.max(1, Math.round((now - draft.startedAt) / 1000));
}

/** crypto.randomUUID exists only in secure contexts; plain-HTTP deployments get the same v4 from bytes. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
