// What the measures rest on: the agency's own divisions (responsible for measures; kept by its admin) and
// NACC's library of suggested measures per indicator (loaded with Prongsai's defaults when empty). Audited.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { appendAudit } from '../audit/index.ts';
import type { StartupTask } from '../startup.ts';
import { LIBRARY_DEFAULTS } from './library.defaults.ts';
import { measuresAgency } from './measures.context.ts';
import {
  divisionExists,
  divisionNotFound,
  libraryEntryExists,
  libraryEntryNotFound,
} from './measures.errors.ts';
import { presentDivision, presentLibrary } from './measures.present.ts';
import {
  countLibrary,
  insertDivision,
  insertLibrary,
  lockDivision,
  lockLibrary,
  selectDivisions,
  selectLibrary,
  updateDivision,
  updateLibrary,
} from './measures.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return (err?.cause?.code ?? err?.code) === '23505';
};

export async function listDivisions(deps: Deps, actor: Actor | null, agencyId: string) {
  await measuresAgency(deps, actor, agencyId, 'measures.read');
  return (await selectDivisions(deps.db, agencyId)).map(presentDivision);
}

export async function createDivision(deps: Deps, actor: Actor | null, agencyId: string, name: string) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const row = await insertDivision(tx, agencyId, name, now);
    if (!row) throw divisionExists();
    await appendAudit(
      tx,
      {
        actor: target.actor,
        agencyId,
        entityType: 'agency_division',
        entityId: row.id,
        action: 'create',
        after: { name },
      },
      now,
    );
    return row;
  });
  return presentDivision(row);
}

export async function patchDivision(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  divisionId: string,
  patch: { name?: string; active?: boolean },
) {
  const target = await measuresAgency(deps, actor, agencyId, 'measures.write');
  const now = deps.now();
  const row = await deps.db
    .transaction(async (tx) => {
      const before = await lockDivision(tx, agencyId, divisionId);
      if (!before) throw divisionNotFound();
      if ((patch.name ?? before.name) === before.name && (patch.active ?? before.active) === before.active)
        return before;
      const row = await updateDivision(tx, divisionId, patch);
      await appendAudit(
        tx,
        {
          actor: target.actor,
          agencyId,
          entityType: 'agency_division',
          entityId: divisionId,
          action: 'update',
          before: { name: before.name, active: before.active },
          after: { name: row?.name, active: row?.active },
        },
        now,
      );
      return row ?? before;
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw divisionExists();
      throw e;
    });
  return presentDivision(row);
}

export async function listLibrary(deps: Deps, actor: Actor | null) {
  authorize(actor, 'measures.library', null);
  // NACC sees retired entries too (to bring them back); agencies pick from active ones.
  return (await selectLibrary(deps.db, actor.role !== 'admin')).map(presentLibrary);
}

type LibraryBody = { indicator: string; title: string; steps: string[]; monitoring: string; active: boolean };

export async function createLibraryEntry(deps: Deps, actor: Actor | null, body: LibraryBody) {
  authorize(actor, 'measures.libraryWrite', null);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const [row] = await insertLibrary(tx, [{ ...body, updatedBy: actor.userId, updatedAt: now }]);
    if (!row) throw libraryEntryExists();
    await appendAudit(
      tx,
      { actor, entityType: 'measure_library', entityId: row.id, action: 'create', after: body },
      now,
    );
    return row;
  });
  return presentLibrary(row);
}

export async function putLibraryEntry(deps: Deps, actor: Actor | null, id: string, body: LibraryBody) {
  authorize(actor, 'measures.libraryWrite', null);
  const now = deps.now();
  const row = await deps.db
    .transaction(async (tx) => {
      const before = await lockLibrary(tx, id);
      if (!before) throw libraryEntryNotFound();
      const row = await updateLibrary(tx, id, { ...body, updatedBy: actor.userId, updatedAt: now });
      await appendAudit(
        tx,
        {
          actor,
          entityType: 'measure_library',
          entityId: id,
          action: 'update',
          before: presentLibrary(before),
          after: presentLibrary(row),
        },
        now,
      );
      return row;
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw libraryEntryExists();
      throw e;
    });
  return presentLibrary(row);
}

/** Start-up: the library gets Prongsai's suggested measures once, when it is empty. */
export const measureLibraryTask: StartupTask = async (deps) => {
  if ((await countLibrary(deps.db)) > 0) return [];
  const rows = await insertLibrary(deps.db, LIBRARY_DEFAULTS);
  return [`measures: ${rows.length} suggested measures loaded into the library`];
};
