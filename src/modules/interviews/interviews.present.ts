// Rows → API JSON for EIT part 2. Contact details go only to the assessors collecting (the routes that use
// these presenters authorize 'eit2.collect'); answers appear only while they wait for review.
import type { ContactRow, InterviewDetailRow, PersonRow, SampleRow } from './interviews.repo.ts';
import type { Interview, SampleContact, SampleView } from './interviews.schema.ts';
import { type OutcomeRow, sampleStanding } from './sample.status.ts';

export function presentContact(c: ContactRow) {
  return { id: c.id, name: c.name, phone: c.phone, email: c.email, relation: c.relation };
}

export function durationSeconds(i: { startedAt: Date; endedAt: Date }): number {
  return Math.round((i.endedAt.getTime() - i.startedAt.getTime()) / 1000);
}

export function presentInterview(row: InterviewDetailRow, canReview: boolean): Interview {
  const i = row.interview;
  const paradata = i.paradata as { questionDurations?: Record<string, number> };
  return {
    id: i.id,
    agencyId: i.agencyId,
    year: i.year,
    contact: presentContact(row.contact),
    interviewer: row.interviewer?.id ? row.interviewer : null,
    outcome: i.outcome,
    status: i.status,
    startedAt: i.startedAt.toISOString(),
    endedAt: i.endedAt.toISOString(),
    durationSeconds: durationSeconds(i),
    paradata: { questionDurations: paradata.questionDurations ?? {} },
    pendingAnswers: (i.pendingAnswers as Record<string, unknown> | null) ?? null,
    reviewer: row.reviewer?.id ? row.reviewer : null,
    reviewedAt: i.reviewedAt?.toISOString() ?? null,
    reviewReason: i.reviewReason,
    canReview: canReview && i.status === 'entered',
  };
}

export function presentSample(
  sample: SampleRow,
  contacts: readonly ContactRow[],
  outcomes: readonly OutcomeRow[],
  drawnBy: PersonRow,
): NonNullable<SampleView['sample']> {
  const selected = sample.selected as string[];
  const reserves = sample.reserves as string[];
  const standing = sampleStanding({ selected, reserves }, outcomes);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const entry = (id: string, role: 'selected' | 'reserve', index: number): SampleContact => {
    const contact = byId.get(id);
    return {
      id,
      contact: contact ? presentContact(contact) : null,
      role,
      position: index + 1,
      usable: standing.usable.has(id),
      status: standing.statusOf(id),
      interviews: standing.interviewsOf(id),
    };
  };
  const completed = outcomes.filter((o) => o.outcome === 'completed');
  return {
    id: sample.id,
    seed: sample.seed,
    algorithm: sample.algorithm,
    size: sample.size,
    reserveCount: sample.reserveCount,
    releasedReserves: standing.releasedReserves,
    drawnAt: sample.drawnAt.toISOString(),
    drawnBy,
    progress: {
      approved: completed.filter((o) => o.status === 'approved').length,
      awaitingReview: completed.filter((o) => o.status === 'entered').length,
    },
    contacts: [
      ...selected.map((id, i) => entry(id, 'selected', i)),
      ...reserves.map((id, i) => entry(id, 'reserve', i)),
    ],
  };
}
