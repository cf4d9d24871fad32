// Drizzle queries of the respondent API. None of them reads or returns another respondent's answers.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eitRespondents, usedSurveyTokens } from '../../db/schema/index.ts';
import { agencyTypeById } from '../agencies/index.ts';
import { extensionEndsOn, yearClosedAt } from '../calendar/index.ts';

export async function tokenUsed(db: DbOrTx, tokenHash: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(usedSurveyTokens)
    .where(eq(usedSurveyTokens.tokenHash, tokenHash));
  return rows.length > 0;
}

/** True when the token was unused and is now consumed; false when it had been used already. */
export async function consumeToken(tx: DbOrTx, tokenHash: string): Promise<boolean> {
  const rows = await tx
    .insert(usedSurveyTokens)
    .values({ tokenHash })
    .onConflictDoNothing()
    .returning({ tokenHash: usedSurveyTokens.tokenHash });
  return rows.length > 0;
}

/** True when this phone/e-mail had not answered this agency's EIT this year and is now marked. */
export async function markEitRespondent(
  tx: DbOrTx,
  agencyId: string,
  year: number,
  destinationHash: string,
): Promise<boolean> {
  const rows = await tx
    .insert(eitRespondents)
    .values({ agencyId, year, destinationHash })
    .onConflictDoNothing()
    .returning({ year: eitRespondents.year });
  return rows.length > 0;
}

/**
 * What a submit needs of the agency: its type, any extension of the stage and the year's closure (three
 * queries side by side).
 */
export async function selectSubmitTarget(db: DbOrTx, agencyId: string, year: number, stage: string) {
  const [type, endsOn, closedAt] = await Promise.all([
    agencyTypeById(db, agencyId),
    extensionEndsOn(db, agencyId, year, stage),
    yearClosedAt(db, year),
  ]);
  return type === null ? undefined : { type, extensionEndsOn: endsOn, yearClosedAt: closedAt };
}
