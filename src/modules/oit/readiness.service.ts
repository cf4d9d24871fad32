// Reading how far an agency's OIT has come — readiness (answered, approved, evidence reachable, the score it
// would get) — and the history of one item (its answer, score and clarification entries in the audit log).
import type { Actor } from '../../core/authz.ts';
import { oitReadiness, type ReadinessAnswer, type UrlCheck } from '../../core/oit/readiness.ts';
import { entityHistory } from '../audit/index.ts';
import { auditReaders } from '../audit-trail/index.ts';
import { latestEvidence } from '../evidence/index.ts';
import { type Deps, readOit } from './oit.context.ts';
import { itemNotFound } from './oit.errors.ts';
import { oitStatuses } from './oit.queries.ts';
import { selectAnswers } from './oit.repo.ts';
import type { ItemHistory, ReadinessView } from './oit.schema.ts';
import { itemEntityId } from './oit.workflow.ts';

const readers = auditReaders(oitStatuses);

/** The audit entity types that make up an item's history. */
export const ITEM_HISTORY_TYPES = ['oit_answer', 'oit_score', 'oit_clarification'] as const;

export async function getReadiness(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<ReadinessView> {
  const ctx = await readOit(deps, actor, agencyId, year, 'oit.read');
  const [rows, evidence] = await Promise.all([
    selectAnswers(deps.db, ctx.key),
    latestEvidence(deps.db, ctx.key),
  ]);
  const answers = new Map<string, ReadinessAnswer>(
    rows.map((r) => [r.itemCode, { state: r.state, has: r.has, urls: r.urls, explanation: r.explanation }]),
  );
  const checks = new Map<string, Map<string, UrlCheck>>(
    [...evidence].map(([code, byUrl]) => [
      code,
      new Map([...byUrl].map(([url, s]) => [url, { status: s.status, httpStatus: s.httpStatus }])),
    ]),
  );
  const readiness = oitReadiness(ctx.framework, ctx.agency.type, answers, checks);
  const names = new Map(
    ctx.framework.indicators.flatMap((i) => i.subIndicators.map((sub) => [sub.code, sub.name] as const)),
  );
  return {
    agencyId,
    year,
    ...readiness,
    subIndicators: readiness.subIndicators.map((sub) => ({
      ...sub,
      name: names.get(sub.code) ?? { th: sub.code },
    })),
  };
}

/**
 * The item's audit entries (answer, score, clarification), newest first, as the viewer may see them: the
 * audit log's rules, so assessors' scores, comments and advice stay withheld from the agency and its
 * supervisors until the assessment is submitted (core/oit/visibility.ts), exactly as in the assessment view.
 */
export async function getItemHistory(
  deps: Deps,
  actor: Actor | null,
  key: { agencyId: string; year: number; itemCode: string },
): Promise<ItemHistory> {
  const ctx = await readOit(deps, actor, key.agencyId, key.year, 'oit.read');
  // An item the agency's type no longer has may still have a history: any item of the framework will do.
  if (!ctx.framework.oitItems.some((i) => i.code === key.itemCode)) throw itemNotFound(key.itemCode);
  const entityId = itemEntityId(ctx.key, key.itemCode);
  const items = await entityHistory(
    deps.db,
    ctx.actor,
    {
      agencyId: key.agencyId,
      entityTypes: ITEM_HISTORY_TYPES,
      entityId,
    },
    readers,
  );
  return { entityId, items };
}
