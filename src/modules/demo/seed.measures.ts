// The demo's measures document in progress (issue 12): the PAO's agency admin draws up the FY2568 measures
// from the published FY2567 result through the measures module's own use cases (the weak points its rule
// proposes), adds the PAO's divisions, picks three suggested measures from the library for the first weak
// points and sends the draft for review — so the reviewer and the executive have something to act on.
// Runs once: nothing is done when the document exists or FY2567 is not published.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app/context.ts';
import { DomainError } from '../../core/errors.ts';
import type { Measure } from '../../core/measures/content.ts';
import {
  createDivision,
  createMeasures,
  getMeasures,
  listDivisions,
  listLibrary,
  saveMeasures,
  stepMeasures,
} from '../measures/index.ts';
import { loadActor } from '../users/index.ts';
import { DEMO_DONE_YEAR } from './demo.finished.data.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const DIVISIONS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองยุทธศาสตร์และงบประมาณ', 'หน่วยตรวจสอบภายใน'];

/** True when this start drafted the document. */
export async function seedDemoMeasures(deps: Deps, userIds: Map<string, string>): Promise<boolean> {
  const id = userIds.get('agency-admin');
  const actor = id ? await loadActor(deps.db, id) : null;
  if (actor?.role !== 'agency_admin' || !actor.agencyId) return false;
  const agencyId = actor.agencyId;
  const year = DEMO_DONE_YEAR + 1;
  if ((await getMeasures(deps, actor, agencyId, year)).document) return false;
  let view: Awaited<ReturnType<typeof createMeasures>>;
  try {
    view = await createMeasures(deps, actor, agencyId, year);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'measures_source_not_published') return false;
    throw e;
  }
  const existing = new Set((await listDivisions(deps, actor, agencyId)).map((d) => d.name));
  for (const name of DIVISIONS) if (!existing.has(name)) await createDivision(deps, actor, agencyId, name);
  const divisions = await listDivisions(deps, actor, agencyId);
  const library = await listLibrary(deps, actor);
  const doc = view.document;
  if (!doc) return false;
  const targets = doc.content.weakPoints.filter((p) => p.class !== 'keep').slice(0, 3);
  const measures: Measure[] = targets.map((p, i) => {
    const suggestion = library.find((l) => l.indicator === p.indicator) ?? library[0];
    return {
      id: randomUUID(),
      title: suggestion?.title ?? `ปรับปรุงตัวชี้วัดที่ ${p.indicator}`,
      weakPointIds: [p.id],
      indicators: [],
      steps: suggestion?.steps ?? ['กำหนดแนวทางปรับปรุง', 'ดำเนินการและติดตามผล'],
      divisionIds: [divisions[i % divisions.length]?.id as string],
      from: `${year - 543}-03`,
      to: `${year - 543}-09`,
      monitoring: suggestion?.monitoring ?? 'รายงานผู้บริหารทุกไตรมาส',
    };
  });
  await saveMeasures(deps, actor, agencyId, year, {
    content: { ...doc.content, preparedBy: 'สำนักปลัด งานนิติการ', measures },
  });
  await stepMeasures(deps, actor, agencyId, year, 'prepare');
  return true;
}
