// Framework authoring (issue 13 §1): NACC admins start a year's framework from a stored version (copy →
// draft), save edits (optimistic concurrency on `revision`, every save answered with the problems the
// definition has so far), then publish it as the year's next version — after which the draft is read-only
// and a correction is a new draft. Drafts live in their own table; nothing that reads the framework in force
// reads it. Every write is audited (`framework_draft`; the publish also as `framework_version`).
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { draftDefinition } from '../../core/framework/draft.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { type AuthoringContext, upgradeDefinition, validateDraft } from '../../core/framework/validate.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import {
  closeDraft,
  type DraftRow,
  insertDraft,
  listDraftHeads,
  openDraftOfYear,
  selectDraft,
  updateDraftDefinition,
} from './drafts.repo.ts';
import type { CreateDraftBody, Draft, DraftHead, SaveDraftBody } from './drafts.schema.ts';
import { forgetYear } from './frameworks.cache.ts';
import { definitionOf, insertNextVersion } from './frameworks.repo.ts';
import { frameworkForYear, frameworkVersionOf } from './frameworks.service.ts';
import { definitionSha256, frameworkInvalid } from './frameworks.validate.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const draftNotFound = () =>
  notFound('draft_not_found', 'ไม่พบร่างกรอบการประเมินนี้', 'There is no such framework draft');
const draftClosed = (row: DraftRow) =>
  conflict(
    'draft_closed',
    row.status === 'published'
      ? `ร่างนี้เผยแพร่แล้วเป็นฉบับที่ ${row.publishedVersion} แก้ไขไม่ได้ การแก้ไขให้เริ่มร่างใหม่`
      : 'ร่างนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้',
    row.status === 'published'
      ? `This draft was published as version ${row.publishedVersion} and cannot be edited; start a new draft to correct it`
      : 'This draft was discarded and cannot be edited',
  );
const draftChanged = (current: number) =>
  conflict(
    'draft_changed',
    'มีผู้อื่นบันทึกร่างนี้หลังจากที่คุณเปิด กรุณาโหลดร่างล่าสุดแล้วแก้ไขอีกครั้ง',
    'Someone saved this draft after you opened it; reload the latest draft and edit again',
    { revision: current },
  );

export function presentHead(row: Omit<DraftRow, 'definition'>): DraftHead {
  return {
    id: row.id,
    year: row.year,
    base: { year: row.baseYear, version: row.baseVersion },
    status: row.status,
    revision: row.revision,
    publishedVersion: row.publishedVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const codesOf = (f: Framework) =>
  new Set([...f.questions.map((q) => q.code), ...f.oitItems.map((o) => o.code)]);

/** What the draft is checked against: its year, and the codes of the year it was copied from. */
async function contextOf(db: DbOrTx, row: DraftRow): Promise<AuthoringContext> {
  if (row.baseYear === row.year) return { year: row.year };
  const base = await frameworkVersionOf(db, row.baseYear, row.baseVersion);
  return { year: row.year, previous: { year: row.baseYear, codes: codesOf(base) } };
}

async function present(db: DbOrTx, row: DraftRow): Promise<Draft> {
  const checked = validateDraft(row.definition, await contextOf(db, row));
  return {
    ...presentHead(row),
    definition: upgradeDefinition(row.definition) as Record<string, unknown>,
    problems: checked.ok ? [] : checked.problems,
  };
}

export async function listDrafts(deps: Deps, actor: Actor | null): Promise<DraftHead[]> {
  authorize(actor, 'framework.author', null);
  return (await listDraftHeads(deps.db)).map(presentHead);
}

export async function getDraft(deps: Deps, actor: Actor | null, id: string): Promise<Draft> {
  authorize(actor, 'framework.author', null);
  const row = await selectDraft(deps.db, id);
  if (!row) throw draftNotFound();
  return present(deps.db, row);
}

/** Copies the framework in force of `fromYear` into a new open draft of `year` (one open draft per year). */
export async function createDraft(deps: Deps, actor: Actor | null, body: CreateDraftBody): Promise<Draft> {
  authorize(actor, 'framework.author', null);
  const { db } = deps;
  if (body.year < body.fromYear)
    throw conflict(
      'draft_year_before_base',
      'ปีของร่างต้องไม่ก่อนปีของกรอบที่คัดลอก',
      'A draft cannot be for a year before the framework it copies',
    );
  const base = await frameworkForYear(db, body.fromYear);
  const now = deps.now();
  const row = await db.transaction(async (tx) => {
    const existing = await openDraftOfYear(tx, body.year);
    if (existing) throw draftExists(body.year, existing.id);
    const definition = draftDefinition(
      await definitionOf(tx, body.fromYear, base.version),
      body.fromYear,
      body.year,
    );
    const inserted = await insertDraft(tx, {
      year: body.year,
      baseYear: body.fromYear,
      baseVersion: base.version,
      definition,
      by: actor.userId,
      at: now,
    });
    if (!inserted) throw draftExists(body.year, undefined);
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'framework_draft',
        entityId: `${body.year}:${inserted.id}`,
        action: 'create',
        after: { year: body.year, from: { year: body.fromYear, version: base.version } },
      },
      now,
    );
    return inserted;
  });
  return present(db, row);
}

const draftExists = (year: number, id: string | undefined) =>
  conflict(
    'draft_exists',
    `มีร่างกรอบการประเมินปี ${year} ที่ยังไม่เผยแพร่อยู่แล้ว เปิดร่างนั้นแทน`,
    `There is already an unpublished draft for ${year}; open it instead`,
    id === undefined ? undefined : { id },
  );

/** Saves an edit; invalid definitions are saved too (work in progress) and answered with their problems. */
export async function saveDraft(
  deps: Deps,
  actor: Actor | null,
  id: string,
  body: SaveDraftBody,
): Promise<Draft> {
  authorize(actor, 'framework.author', null);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const current = await selectDraft(tx, id, { lock: true });
    if (!current) throw draftNotFound();
    if (current.status !== 'draft') throw draftClosed(current);
    if (current.revision !== body.revision) throw draftChanged(current.revision);
    const saved = await updateDraftDefinition(tx, {
      id,
      revision: body.revision,
      definition: body.definition,
      by: actor.userId,
      at: now,
    });
    if (!saved) throw draftChanged(current.revision);
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'framework_draft',
        entityId: `${saved.year}:${id}`,
        action: 'update',
        before: { revision: current.revision, sha256: definitionSha256(current.definition) },
        after: { revision: saved.revision, sha256: definitionSha256(saved.definition) },
      },
      now,
    );
    return saved;
  });
  return present(deps.db, row);
}

/** Publishes a valid draft as the year's next version (origin 'authored'); the draft is then closed. */
export async function publishDraft(
  deps: Deps,
  actor: Actor | null,
  id: string,
  revision: number,
): Promise<{ year: number; version: number }> {
  authorize(actor, 'framework.author', null);
  const now = deps.now();
  const published = await deps.db.transaction(async (tx) => {
    const row = await selectDraft(tx, id, { lock: true });
    if (!row) throw draftNotFound();
    if (row.status !== 'draft') throw draftClosed(row);
    if (row.revision !== revision) throw draftChanged(row.revision);
    const checked = validateDraft(row.definition, await contextOf(tx, row));
    if (!checked.ok) throw frameworkInvalid(checked.problems);
    const sha256 = definitionSha256(row.definition);
    const version = await insertNextVersion(tx, {
      year: row.year,
      definition: row.definition,
      sha256,
      origin: 'authored',
      importedBy: actor.userId,
      importedAt: now,
    });
    if (version === undefined)
      throw conflict(
        'framework_version_race',
        'มีการเพิ่มฉบับของปีนี้พร้อมกัน กรุณาลองเผยแพร่อีกครั้ง',
        'Another version of this year was stored at the same moment; publish again',
      );
    await closeDraft(tx, { id, status: 'published', publishedVersion: version, by: actor.userId, at: now });
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'framework_draft',
        entityId: `${row.year}:${id}`,
        action: 'publish',
        after: { year: row.year, version, revision },
      },
      now,
    );
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'framework_version',
        entityId: `${row.year}:${version}`,
        action: 'publish',
        after: { year: row.year, version, sha256, draft: id },
      },
      now,
    );
    return { year: row.year, version };
  });
  forgetYear(published.year);
  return published;
}

export async function discardDraft(deps: Deps, actor: Actor | null, id: string): Promise<DraftHead> {
  authorize(actor, 'framework.author', null);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await selectDraft(tx, id, { lock: true });
    if (!row) throw draftNotFound();
    if (row.status !== 'draft') throw draftClosed(row);
    await closeDraft(tx, { id, status: 'discarded', publishedVersion: null, by: actor.userId, at: now });
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'framework_draft',
        entityId: `${row.year}:${id}`,
        action: 'discard',
        after: { year: row.year },
      },
      now,
    );
    return presentHead({
      ...row,
      status: 'discarded',
      revision: row.revision + 1,
      updatedBy: actor.userId,
      updatedAt: now,
    });
  });
}
