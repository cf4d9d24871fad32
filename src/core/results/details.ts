// What a processing run snapshots per agency beside its scores (agency_results.details, issue 10 §3): what
// the report shows that the scores alone do not hold — per OIT item the components the assessor found, the
// comment and advice; the assessors' advice on IIT and EIT and their overall comment as they stood when the
// run read them. Stored with the result, so a report never changes after publication even when an assessor
// edits the advice or an OIT review is reopened (that is a new run).

/** Which survey the advice is about: IIT, or the EIT (both parts share their questions). */
export const ADVICE_INSTRUMENTS = ['IIT', 'EIT'] as const;
export type AdviceInstrument = (typeof ADVICE_INSTRUMENTS)[number];

/** One line of the assessors' advice: "ข้อ I20 ประเด็น … ข้อเสนอแนะ …" (seed 002). */
export interface AdviceEntry {
  instrument: AdviceInstrument;
  /** The question's code as ITAS shows it (i2, ES2, EP4, I20); null for advice on the instrument as a whole. */
  questionCode: string | null;
  /** ประเด็น: what the assessors found. */
  issue: string;
  /** ข้อเสนอแนะ: what the agency should do. */
  advice: string;
}

/**
 * The assessors' advice of one agency-year as a run read it: its content only (no times), so that it enters
 * the agency's inputs hash as content — a changed advice is a changed input, a re-save of the same is not.
 */
export interface AdviceSnapshot {
  entries: AdviceEntry[];
  /** The overall comment (ความเห็นโดยรวม); null when none was written. */
  overall: string | null;
}

/** The assessor's verdict on one OIT item of a confirmed review. */
export interface OitItemDetail {
  score: number;
  /** Indices into the framework item's `components` the assessor found on the pages. */
  componentsFound: number[];
  comment: string | null;
  advice: string | null;
}

/** agency_results.details: null for results stored before the column existed. */
export interface ResultDetails {
  /** Per OIT item code, of a confirmed review only ({} when the OIT was not confirmed). */
  oit: Record<string, OitItemDetail>;
  /** null when the assessors wrote no advice for the agency-year. */
  advice: AdviceSnapshot | null;
}
