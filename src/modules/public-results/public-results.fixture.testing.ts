// Stored processing runs and per-agency results for the public-results tests (no processing needed): an IIT of
// `iitN` responses (under 5: withheld publicly), EIT part 2 not processed, every indicator at the total, each
// OIT item 0 or 100 (`oitScore` of its index; by default 100 for even ones).
import type { Framework } from '../../core/framework/schema.ts';
import type { Db } from '../../db/client.ts';
import { agencyResults, processingRuns } from '../../db/schema/index.ts';

export async function insertRun(
  db: Db,
  year: number,
  frameworkVersion: number,
  kind: 'run' | 'preview' = 'run',
): Promise<string> {
  const [row] = await db
    .insert(processingRuns)
    .values({
      year,
      frameworkVersion,
      kind,
      scope: 'all',
      status: 'done',
      inputsHash: 'a'.repeat(64),
      finishedAt: new Date(),
    })
    .returning({ id: processingRuns.id });
  return row?.id as string;
}

export async function insertResult(
  db: Db,
  framework: Framework,
  runId: string,
  agencyId: string,
  total: number,
  iitN: number,
  oitScore: (index: number) => number = (i) => (i % 2 ? 0 : 100),
): Promise<void> {
  const instruments = {
    IIT: { score: total, n: iitN, minimum: 3, population: 10, marginOfError: 3.1, notProcessed: null },
    EIT1: { score: total, n: 40, minimum: 30, population: 200, marginOfError: 12.5, notProcessed: null },
    EIT2: {
      score: 0,
      n: 0,
      minimum: 10,
      population: 50,
      marginOfError: null,
      notProcessed: 'no_responses',
    },
    OIT: { score: total, n: null, minimum: null, population: null, marginOfError: null, notProcessed: null },
  };
  await db.insert(agencyResults).values({
    runId,
    agencyId,
    total: total.toFixed(2),
    ratingCode: total >= 85 ? 'excellent' : 'improve',
    passes: total >= 85,
    instruments,
    indicators: Object.fromEntries(framework.indicators.map((i) => [i.code, total])),
    indicatorsByInstrument: {},
    questions: { OIT: Object.fromEntries(framework.oitItems.map((o, i) => [o.code, oitScore(i)])) },
    subIndicators: {},
    inputsHash: 'b'.repeat(64),
  });
}
