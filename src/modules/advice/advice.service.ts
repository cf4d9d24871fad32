// The assessors' advice per agency-year (issue 10 §3): NACC admins and the assessors assigned to the agency
// that year read and write it (the rule of OIT assessment: assignment per year); every question it cites is
// checked against the year's framework; each save is audited. A processing run snapshots it (details.ts of
// results), so what agencies read is what stood when the published run was made.
import type { AppDeps } from '../../app/context.ts';
import { type Action, authorize, type OitRef } from '../../core/authz.ts';
import { conflict, invalid } from '../../core/errors.ts';
import { citableQuestions, citedQuestion } from '../../core/results/advice.ts';
import type { AdviceEntry } from '../../core/results/details.ts';
import { agencyYear } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { assessorsOfAgencies, userNamesByIds } from '../users/index.ts';
import { presentAdvice } from './advice.present.ts';
import { adviceEntityId } from './advice.queries.ts';
import { lockAdvice, saveAdvice, selectAdvice } from './advice.repo.ts';
import type { Advice, AdviceBody } from './advice.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** 401 → 404 agency → 403 (not an admin nor assigned this year) → 409 cycle not open → 404 framework. */
function openAdvice(
  deps: Deps,
  actor: Parameters<typeof agencyYear>[1],
  agencyId: string,
  year: number,
  action: Extract<Action, 'advice.read' | 'advice.write'>,
) {
  return agencyYear(deps.db, actor, agencyId, year, async ({ actor, ref: agency }) => {
    const assessors = await assessorsOfAgencies(deps.db, [agencyId], year);
    const ref: OitRef = { agency, assessorsThisYear: assessors.map((a) => a.id) };
    authorize(actor, action, ref);
  });
}

export async function getAdvice(
  deps: Deps,
  actor: Parameters<typeof agencyYear>[1],
  agencyId: string,
  year: number,
): Promise<Advice> {
  const ctx = await openAdvice(deps, actor, agencyId, year, 'advice.read');
  const row = await selectAdvice(deps.db, agencyId, year);
  const names = await userNamesByIds(deps.db, [row?.updatedBy ?? null]);
  const citable = citableQuestions(ctx.framework, ctx.agency.type);
  return presentAdvice(agencyId, year, row, citable, nameOf(names, row?.updatedBy ?? null));
}

export async function putAdvice(
  deps: Deps,
  actor: Parameters<typeof agencyYear>[1],
  agencyId: string,
  year: number,
  body: AdviceBody,
): Promise<Advice> {
  const ctx = await openAdvice(deps, actor, agencyId, year, 'advice.write');
  const citable = citableQuestions(ctx.framework, ctx.agency.type);
  // Every cited question must be one the survey asks of this agency in the year's framework; the stored
  // code is the framework's spelling (I2 → i2).
  const problems: { path: string; th: string; en: string }[] = [];
  const entries: AdviceEntry[] = body.entries.map((e, i) => {
    if (e.questionCode === null) return { ...e, questionCode: null };
    const q = citedQuestion(citable, e.instrument, e.questionCode);
    if (!q)
      problems.push({
        path: `entries.${i}.questionCode`,
        th: `ข้อ ${e.questionCode} ไม่ใช่ข้อคำถามของแบบวัด ${e.instrument} ในกรอบการประเมินปี ${year} สำหรับหน่วยงานนี้`,
        en: `${e.questionCode} is not a question of the ${e.instrument} in the ${year} framework for this agency`,
      });
    return { ...e, questionCode: q?.displayCode ?? e.questionCode };
  });
  if (problems.length > 0)
    throw invalid(
      'advice_question_unknown',
      'ข้อเสนอแนะอ้างถึงข้อคำถามที่ไม่มีในกรอบการประเมินของปีนี้',
      'The advice cites a question that is not in this year’s framework',
      problems,
    );
  const overall = body.overall && body.overall.length > 0 ? body.overall : null;
  const now = deps.now();
  const saved = await deps.db.transaction(async (tx) => {
    const before = await lockAdvice(tx, agencyId, year);
    const row = await saveAdvice(tx, { agencyId, year, entries, overall }, ctx.actor.userId, now);
    // The upsert serializes saves on the row: a version other than the one read + 1 means another assessor
    // saved in between (also when both created it at once); the transaction rolls back, nothing changes.
    if (body.version !== undefined && row.version !== body.version + 1)
      throw conflict(
        'advice_changed',
        'มีผู้บันทึกข้อเสนอแนะของหน่วยงานนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วบันทึกอีกครั้ง',
        'Someone saved this agency’s advice after you opened it: reload and save again',
        { version: row.version - 1 },
      );
    await appendAudit(
      tx,
      {
        actor: ctx.actor,
        agencyId,
        entityType: 'assessor_advice',
        entityId: adviceEntityId(agencyId, year),
        action: before ? 'update' : 'create',
        before: before
          ? { entries: before.entries, overall: before.overall, version: before.version }
          : undefined,
        after: { entries, overall, version: row.version },
      },
      now,
    );
    return row;
  });
  const names = await userNamesByIds(deps.db, [saved.updatedBy]);
  return presentAdvice(agencyId, year, saved, citable, nameOf(names, saved.updatedBy));
}

const nameOf = (names: Map<string, { displayName: string }>, id: string | null) =>
  id === null ? null : (names.get(id)?.displayName ?? null);
