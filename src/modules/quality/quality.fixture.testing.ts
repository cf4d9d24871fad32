// Test fixtures for the quality review: agencies taking part in FY2568 with the bundled framework loaded,
// and responses whose answers are valid for that framework, built from the real questionnaire.
import { makeAgency } from '../../../test/helpers/factories.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { buildQuestionnaire, durationBand, questionsOf, validateAnswers } from '../../core/surveys/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { participations } from '../../db/schema/index.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { frameworkForYear, loadBundledFrameworks } from '../frameworks/index.ts';
import { bangkokDay, insertReleased } from '../responses/index.ts';

export const YEAR = 2568;

export async function loadFramework(db: Db): Promise<{ version: number; framework: Framework }> {
  await loadBundledFrameworks(db);
  return frameworkForYear(db, YEAR);
}

export async function participatingAgency(
  db: DbOrTx,
  o: Parameters<typeof makeAgency>[1] = {},
): Promise<{ id: string; type: AgencyType }> {
  const agency = await makeAgency(db, { type: 'sao', ...o });
  await db
    .insert(participations)
    .values({ agencyId: agency.id, year: YEAR, registered: true, registeredAt: new Date() })
    .onConflictDoNothing();
  return { id: agency.id, type: agency.type };
}

/**
 * A valid answer sheet: for the n-th answer item (a question, or one sub-item), the option at
 * `pick(n, optionCount)` (taken modulo the number of options).
 */
export function answerSheet(
  framework: Framework,
  instrument: string,
  type: AgencyType,
  pick: (item: number, options: number) => number,
): Record<string, string | Record<string, string>> {
  let n = 0;
  const choose = (options: { value: string }[]) => {
    const i = pick(n++, options.length);
    return (options[((i % options.length) + options.length) % options.length] as { value: string }).value;
  };
  const answers: Record<string, string | Record<string, string>> = {};
  for (const q of questionsOf(buildQuestionnaire(framework, instrument, type))) {
    answers[q.code] = q.subItems.length
      ? Object.fromEntries(q.subItems.map((s) => [s.code, choose(q.options)]))
      : choose(q.options);
  }
  if (validateAnswers(framework, instrument, type, answers).length > 0)
    throw new Error('answerSheet built an invalid sheet');
  return answers;
}

export interface ResponseSpec {
  answers: Record<string, unknown>;
  durationSeconds?: number;
  /** The submission time (its Bangkok day is what is kept). */
  at?: Date;
  instrument?: string;
  channel?: 'web' | 'interview';
}

export async function addResponses(
  db: DbOrTx,
  agencyId: string,
  version: number,
  specs: readonly ResponseSpec[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const s of specs)
    ids.push(
      (
        await insertReleased(db, [
          {
            agencyId,
            year: YEAR,
            instrument: s.instrument ?? 'IIT',
            frameworkVersion: version,
            answers: s.answers,
            durationBand: durationBand(s.durationSeconds ?? 600),
            channel: s.channel ?? 'web',
            submittedOn: bangkokDay(s.at ?? new Date('2025-03-01T03:00:00Z')),
          },
        ])
      )[0] as string,
    );
  return ids;
}

/** A deterministic, varied pick: different for each seed, so sheets are not duplicates by accident. */
export const variedPick = (seed: number) => (item: number, options: number) =>
  Math.floor(((Math.sin(seed * 97.13 + item * 12.9898) + 1) / 2) * 43758.5453) % options;
