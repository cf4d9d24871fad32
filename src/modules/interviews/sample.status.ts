// Where a drawn sample stands: each contact's outcome so far and which reserves are released. Pure.
//
// A rejected interview does not count: the supervising assessor found it not done properly, so the contact
// is as if never called. A selected contact (or a released reserve) that ends as refused, unreachable or
// wrong number releases the next reserve in reserve order; a released reserve that fails releases another.
import { FAILED_OUTCOMES, type InterviewStatus, type Outcome } from './interviews.schema.ts';

export interface OutcomeRow {
  id: string;
  contactId: string;
  outcome: Outcome;
  status: InterviewStatus;
}

export type ContactStatus = 'not_called' | Outcome;

export interface SampleStanding {
  statusOf(contactId: string): ContactStatus;
  interviewsOf(contactId: string): { id: string; outcome: Outcome; status: InterviewStatus }[];
  releasedReserves: number;
  /** Contacts the interviewer may enter an interview for: the selection and the released reserves. */
  usable: Set<string>;
}

export function sampleStanding(
  sample: { selected: readonly string[]; reserves: readonly string[] },
  interviews: readonly OutcomeRow[],
): SampleStanding {
  const byContact = new Map<string, OutcomeRow[]>();
  for (const i of interviews) byContact.set(i.contactId, [...(byContact.get(i.contactId) ?? []), i]);

  const statusOf = (contactId: string): ContactStatus => {
    const live = (byContact.get(contactId) ?? []).filter((i) => i.status !== 'rejected');
    return live.at(-1)?.outcome ?? 'not_called';
  };
  const failed = (contactId: string) => {
    const status = statusOf(contactId);
    return status !== 'not_called' && FAILED_OUTCOMES.includes(status);
  };

  // Each failure among the contacts in play releases one more reserve, which may itself fail.
  let released = 0;
  for (;;) {
    const inPlay = [...sample.selected, ...sample.reserves.slice(0, released)];
    const next = Math.min(sample.reserves.length, inPlay.filter(failed).length);
    if (next <= released) break;
    released = next;
  }
  return {
    statusOf,
    interviewsOf: (contactId) =>
      (byContact.get(contactId) ?? []).map((i) => ({
        id: i.id,
        outcome: i.outcome,
        status: i.status,
      })),
    releasedReserves: released,
    usable: new Set([...sample.selected, ...sample.reserves.slice(0, released)]),
  };
}
