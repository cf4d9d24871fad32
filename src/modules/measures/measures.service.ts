// The measures document of an agency-year (issue 12 §1): made from the published result of the year before
// (results' visibility rule, never an embargoed or provisional one), edited as a whole while a draft,
// prepared → reviewed → approved (four eyes: the reviewer and the approver never prepared it), locked once
// approved (a revision is a new version; the database refuses changes to an approved row), published at a
// public address. Every write audited (entity `measure_document`, id `<agency>:<year>`).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, assertFourEyes, can } from '../../core/authz.ts';
import type { MeasuresContent } from '../../core/measures/content.ts';
import { isEditable, type MeasuresStep, nextStatus } from '../../core/measures/states.ts';
import type { AgencyTarget } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { userNamesByIds } from '../users/index.ts';
import { measuresAgency, measuresEntityId } from './measures.context.ts';
import { effectsOf } from './measures.effects.ts';
import {
  measuresChanged,
  measuresExist,
  measuresInvalid,
  measuresLocked,
  measuresNotApproved,
  measuresNotFound,
  measuresStepRefused,
} from './measures.errors.ts';
import { peopleOf, presentDivision, presentDocument, presentProgress } from './measures.present.ts';
import {
  insertDocument,
  lockNewest,
  type MeasureDocumentRow,
  selectDivisions,
  selectProgress,
  selectProgressFiles,
  selectVersions,
  updateDocument,
} from './measures.repo.ts';
import type { MeasuresView } from './measures.schema.ts';
import { proposedWeakPoints, publishedReport, sourceOf } from './measures.source.ts';
import { assertMeasuresStageOpen, assertYearNotClosed, measuresWindow } from './measures.stage.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export async function getMeasures(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<MeasuresView> {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.read');
  const versions = await selectVersions(deps.db, agencyId, year);
  const newest = versions[0] ?? null;
  const [divisions, progress] = await Promise.all([
    selectDivisions(deps.db, agencyId),
    selectProgress(
      deps.db,
      versions.map((v) => v.id),
    ),
  ]);
  const names = await userNamesByIds(deps.db, peopleOf(versions, progress));
  // Progress belongs to the measures being carried out: the newest approved version's.
  const inForce = versions.find((v) => v.status === 'approved') ?? null;
  const carried = progress.filter((p) => p.documentId === inForce?.id);
  const [effects, files, window] = await Promise.all([
    inForce ? effectsOf(deps, target.actor, agencyId, inForce) : Promise.resolve([]),
    selectProgressFiles(
      deps.db,
      carried.map((p) => p.id),
    ),
    measuresWindow(deps, agencyId, year),
  ]);
  return {
    agencyId,
    year,
    sourceYear: year - 1,
    document: newest ? presentDocument(newest, names) : null,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      approvedAt: v.approvedAt?.toISOString() ?? null,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
    divisions: divisions.map(presentDivision),
    progress: carried.map((p) => presentProgress(p, names, files, { agencyId, year })),
    effects,
    stage: window && {
      phase: window.phase,
      opensOn: window.opensOn,
      closesOn: window.closesOn,
      daysLeft: window.daysLeft,
      closed: window.closed,
    },
    can: abilities(target, newest, inForce, {
      writing: window?.open ?? false,
      approving: !(window?.closed ?? false),
    }),
  };
}

function abilities(
  target: AgencyTarget,
  newest: MeasureDocumentRow | null,
  inForce: MeasureDocumentRow | null,
  /** What the calendar allows now (measures.stage.ts): writing within the stage, approving until closure. */
  calendar: { writing: boolean; approving: boolean },
) {
  const { actor, ref } = target;
  const editor = can(actor, 'measures.write', ref);
  const write = editor && calendar.writing;
  const review = can(actor, 'measures.review', ref) && calendar.approving;
  const approve = can(actor, 'measures.approve', ref) && calendar.approving;
  const signer = can(actor, 'measures.approve', ref);
  const status = newest?.status ?? null;
  const notPreparer = newest ? newest.preparedBy !== actor.userId : false;
  return {
    create: write && newest === null,
    edit: write && status === 'draft',
    prepare: write && status === 'draft',
    review: review && status === 'prepared' && notPreparer,
    approve: approve && status === 'reviewed' && notPreparer,
    return: (review || approve) && (status === 'prepared' || status === 'reviewed'),
    revise: write && status === 'approved',
    publish: editor && inForce !== null && inForce.publishedAt === null,
    progress: editor && inForce !== null,
    signProgress: signer && inForce !== null,
  };
}

export async function createMeasures(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  await assertMeasuresStageOpen(deps, agencyId, year);
  const report = await publishedReport(deps, target.actor, agencyId, year - 1);
  const source = await sourceOf(deps, report);
  const content: MeasuresContent = {
    foreword: null,
    preparedBy: null,
    thaiDigits: true,
    weakPoints: proposedWeakPoints(source),
    measures: [],
  };
  const now = deps.now();
  await deps.db
    .transaction(async (tx) => {
      if (await lockNewest(tx, agencyId, year)) throw measuresExist();
      const row = await insertDocument(tx, {
        agencyId,
        year,
        version: 1,
        source,
        content,
        by: target.actor.userId,
        at: now,
      });
      await appendAudit(
        tx,
        {
          actor: target.actor,
          agencyId,
          entityType: 'measure_document',
          entityId: measuresEntityId(agencyId, year),
          action: 'create',
          after: { version: row.version, sourceRun: source.runId, weakPoints: content.weakPoints.length },
        },
        now,
      );
    })
    .catch(uniqueToExists);
  return getMeasures(deps, actor, agencyId, year);
}

/** Two first creations racing meet on the unique index: the second is told the document exists. */
function uniqueToExists(e: unknown): never {
  const code =
    (e as { code?: string; cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  if (code === '23505') throw measuresExist();
  throw e;
}

export async function saveMeasures(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  body: { content: MeasuresContent; updatedAt?: string },
) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  await assertMeasuresStageOpen(deps, agencyId, year);
  const divisions = await selectDivisions(deps.db, agencyId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockNewest(tx, agencyId, year);
    if (!row) throw measuresNotFound(year);
    if (!isEditable(row.status)) throw measuresLocked();
    if (body.updatedAt !== undefined && new Date(body.updatedAt).getTime() !== row.updatedAt.getTime())
      throw measuresChanged();
    checkReferences(row, body.content, new Set(divisions.map((d) => d.id)));
    await updateDocument(tx, row.id, {
      content: body.content,
      updatedBy: target.actor.userId,
      updatedAt: now,
    });
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'measure_document',
        entityId: measuresEntityId(agencyId, year),
        action: 'update',
        before: row.content,
        after: body.content,
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}

function checkReferences(row: MeasureDocumentRow, content: MeasuresContent, divisionIds: Set<string>) {
  const problems: { path: string; th: string; en: string }[] = [];
  const pointIds = new Set<string>();
  content.weakPoints.forEach((p, i) => {
    if (pointIds.has(p.id))
      problems.push({ path: `content.weakPoints.${i}.id`, th: 'รหัสประเด็นซ้ำ', en: 'duplicate weak point id' });
    pointIds.add(p.id);
    if (!row.source.indicators.some((ind) => ind.code === p.indicator))
      problems.push({
        path: `content.weakPoints.${i}.indicator`,
        th: `ไม่มีตัวชี้วัด ${p.indicator}`,
        en: `no indicator ${p.indicator}`,
      });
  });
  const measureIds = new Set<string>();
  content.measures.forEach((m, i) => {
    if (measureIds.has(m.id))
      problems.push({ path: `content.measures.${i}.id`, th: 'รหัสมาตรการซ้ำ', en: 'duplicate measure id' });
    measureIds.add(m.id);
    m.weakPointIds.forEach((id, k) => {
      if (!pointIds.has(id))
        problems.push({
          path: `content.measures.${i}.weakPointIds.${k}`,
          th: 'ไม่มีประเด็นนี้',
          en: 'no such weak point',
        });
    });
    m.indicators.forEach((code, k) => {
      if (!row.source.indicators.some((ind) => ind.code === code))
        problems.push({
          path: `content.measures.${i}.indicators.${k}`,
          th: `ไม่มีตัวชี้วัด ${code}`,
          en: `no indicator ${code}`,
        });
    });
    m.divisionIds.forEach((id, k) => {
      if (!divisionIds.has(id))
        problems.push({
          path: `content.measures.${i}.divisionIds.${k}`,
          th: 'ไม่มีส่วนราชการนี้ในหน่วยงาน',
          en: 'not a division of the agency',
        });
    });
  });
  if (problems.length > 0) throw measuresInvalid(problems);
}

const STEP_ACTION = {
  prepare: 'measures.write',
  review: 'measures.review',
  approve: 'measures.approve',
  return: 'measures.review',
} as const satisfies Record<MeasuresStep, string>;

export async function stepMeasures(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  step: MeasuresStep,
) {
  // Returning: an agency admin or the executive (whoever may review, or approve).
  const action = step === 'return' && actor?.role === 'executive' ? 'measures.approve' : STEP_ACTION[step];
  const target = await measuresAgency(deps, actor, agencyId, action);
  // Sending for review is the agency admin's writing; the approval chain runs on until the year is closed.
  if (step === 'prepare') await assertMeasuresStageOpen(deps, agencyId, year);
  else await assertYearNotClosed(deps, agencyId, year);
  const me = target.actor;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockNewest(tx, agencyId, year);
    if (!row) throw measuresNotFound(year);
    const to = nextStatus(row.status, step);
    if (!to) throw measuresStepRefused(step, row.status);
    if (step === 'review' || step === 'approve') assertFourEyes(me, [row.preparedBy]);
    const set =
      step === 'prepare'
        ? { status: to, preparedBy: me.userId, preparedAt: now }
        : step === 'review'
          ? { status: to, reviewedBy: me.userId, reviewedAt: now }
          : step === 'approve'
            ? { status: to, approvedBy: me.userId, approvedAt: now }
            : { status: to, preparedBy: null, preparedAt: null, reviewedBy: null, reviewedAt: null };
    await updateDocument(tx, row.id, set);
    await appendAudit(
      tx,
      {
        actor: me,
        agencyId,
        entityType: 'measure_document',
        entityId: measuresEntityId(agencyId, year),
        action: step,
        before: { status: row.status, version: row.version },
        after: { status: to, version: row.version },
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}

/** A new draft version copied from the approved one (which stays, locked and in force, until the next). */
export async function reviseMeasures(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  await assertMeasuresStageOpen(deps, agencyId, year);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockNewest(tx, agencyId, year);
    if (!row) throw measuresNotFound(year);
    if (row.status !== 'approved') throw measuresStepRefused('revise', row.status);
    const copy = await insertDocument(tx, {
      agencyId,
      year,
      version: row.version + 1,
      source: row.source,
      content: row.content,
      by: target.actor.userId,
      at: now,
    });
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'measure_document',
        entityId: measuresEntityId(agencyId, year),
        action: 'revise',
        before: { version: row.version },
        after: { version: copy.version },
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}

/** Publishes the newest approved version: its public address becomes live. */
export async function publishMeasures(deps: Deps, actor: Actor | null, agencyId: string, year: number) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const versions = await selectVersions(tx, agencyId, year);
    const approved = versions.find((v) => v.status === 'approved');
    if (!approved) throw versions.length ? measuresNotApproved() : measuresNotFound(year);
    if (approved.publishedAt) return;
    await updateDocument(tx, approved.id, { publishedAt: now });
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'measure_document',
        entityId: measuresEntityId(agencyId, year),
        action: 'publish',
        after: { version: approved.version, documentId: approved.id },
      },
      now,
    );
  });
  return getMeasures(deps, actor, agencyId, year);
}
