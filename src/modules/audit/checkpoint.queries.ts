// Read-only queries of the stored checkpoints other modules and the command line may use.
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditCheckpoints } from '../../db/schema/index.ts';
import type { CheckpointRow } from './checkpoint.repo.ts';

/** The newest `limit` checkpoints, newest first. */
export async function latestCheckpoints(db: DbOrTx, limit: number): Promise<CheckpointRow[]> {
  return db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit);
}

/** The first checkpoint whose head covers entry `seq` (e.g. the publication of a result). */
