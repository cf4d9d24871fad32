// Processing runs (issue 10 §1): what a run is and the states it moves through. A run computes every
// participating agency's result of a fiscal year from what is stored; a preview is the same computation for
// one agency, a province or all, stored apart and never publishable.

export const RUN_KINDS = ['run', 'preview'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RUN_SCOPES = ['all', 'province', 'agency'] as const;
export type RunScope = (typeof RUN_SCOPES)[number];

/** queued → running → done | failed; a running run whose lease ran out is claimed again (restarts). */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run in one of these states is final: the database refuses to change it or its results. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['done', 'failed'];
