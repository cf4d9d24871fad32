// What the notices module reads for due-date reminders of improvement measures (issue 12 §2): each approved
// measures document in force (the newest approved version of an agency-year), its measures' periods and the
// latest progress status of each. The rule of which step is due is src/core/measures/due.ts.
import type { DbOrTx } from '../../db/client.ts';
import { latestStatus } from './measures.progress.ts';
import { selectApproved, selectProgress } from './measures.repo.ts';

export interface MeasureDue {
  agencyId: string;
  year: number;
  documentId: string;
  version: number;
  measureId: string;
  title: string;
  /** The last month of the measure's period (YYYY-MM). */
  to: string;
  /** The latest progress status, null without any entry. */
  status: string | null;
  /** Done or cancelled: never reminded of. */
  closed: boolean;
}

/** The measures of every document in force, or of the one document `documentId` when it is still in force. */
export async function measuresDue(db: DbOrTx, documentId?: string): Promise<MeasureDue[]> {
  const inForce = new Map<string, Awaited<ReturnType<typeof selectApproved>>[number]>();
  for (const d of await selectApproved(db)) {
    const k = `${d.agencyId}:${d.year}`;
    if (!inForce.has(k)) inForce.set(k, d);
  }
  const docs = [...inForce.values()].filter((d) => documentId === undefined || d.id === documentId);
  const latest = latestStatus(
    await selectProgress(
      db,
      docs.map((d) => d.id),
    ),
  );
  return docs.flatMap((d) =>
    d.content.measures.map((m) => {
      const status = latest.get(`${d.id}:${m.id}`)?.status ?? null;
      return {
        agencyId: d.agencyId,
        year: d.year,
        documentId: d.id,
        version: d.version,
        measureId: m.id,
        title: m.title,
        to: m.to,
        status,
        closed: status === 'done' || status === 'cancelled',
      };
    }),
  );
}
