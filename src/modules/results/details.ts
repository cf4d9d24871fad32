// What a processing run stores beside each agency's scores for the report (agency_results.details, see
// core/results/details.ts): the verdicts of a confirmed OIT review (components found, comment, advice) and
// the assessors' advice as it stands when the run reads the chunk. Read through the owners' index.ts, one
// query per owner per chunk (never one per agency: the bench processes 8,300 agencies). The snapshot is part
// of the agency's inputs, so its inputs hash changes when the advice or an OIT comment does.
import type { ResultDetails } from '../../core/results/details.ts';
import type { DbOrTx } from '../../db/client.ts';
import { adviceSnapshots } from '../advice/index.ts';
import { confirmedOitDetails } from '../oit/index.ts';
import type { AgencyInputs } from './compute.ts';

/** Per agency of the chunk, its details (every agency gets one: `{ oit: {}, advice: null }` at least). */
export async function readDetails(
  db: DbOrTx,
  year: number,
  agencyIds: readonly string[],
): Promise<Map<string, ResultDetails>> {
  const [oit, advice] = await Promise.all([
    confirmedOitDetails(db, year, agencyIds),
    adviceSnapshots(db, year, agencyIds),
  ]);
  return new Map(agencyIds.map((id) => [id, { oit: oit.get(id) ?? {}, advice: advice.get(id) ?? null }]));
}

/** The chunk's inputs with each agency's details attached (read side by side with the inputs). */
export async function withDetails(
  db: DbOrTx,
  year: number,
  reading: Promise<AgencyInputs[]>,
  agencyIds: readonly string[],
): Promise<AgencyInputs[]> {
  const [inputs, details] = await Promise.all([reading, readDetails(db, year, agencyIds)]);
  return inputs.map((input) => ({ ...input, details: details.get(input.agencyId) ?? null }));
}
