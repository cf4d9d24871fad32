// Agency registry use cases: list (scoped in SQL), detail, create and update. Authorization comes first.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize, can } from '../../core/authz.ts';
import { forbidden } from '../../core/errors.ts';
import { changesAnything } from '../../core/input/patch.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import {
  agencyCodePublished,
  agencyCodeTaken,
  agencyNotFound,
  parentLoop,
  pgErrorCode,
  unknownMinistry,
  unknownParent,
  unknownProvince,
} from './agencies.errors.ts';
import { presentAgencyDetail, presentAgencySummary } from './agencies.present.ts';
import {
  insertAgency,
  isAncestorOrSelf,
  lockAgency,
  ministryExists,
  provinceExists,
  selectAgency,
  selectAgencyByCode,
  selectAgencyDetail,
  selectAgencyPage,
  selectParticipations,
  updateAgency as updateAgencyRow,
} from './agencies.repo.ts';
import {
  AGENCY_SELF_SERVICE_FIELDS,
  type AgencyCreate,
  type AgencyDetail,
  type AgencyListQuery,
  type AgencyPatch,
} from './agencies.schema.ts';
import { agencyScopeCondition } from './agencies.scope.ts';
import { authorizedAgency } from './agency-year.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
type DetailDeps = Pick<AppDeps, 'db' | 'now' | 'agencyPublished'>;

export async function listAgencies(deps: Deps, actor: Actor | null, query: AgencyListQuery) {
  authorize(actor, 'agency.list', null);
  const { rows, total } = await selectAgencyPage(deps.db, query, agencyScopeCondition(actor));
  return { items: rows.map(presentAgencySummary), total };
}

export async function getAgency(deps: DetailDeps, actor: Actor | null, id: string): Promise<AgencyDetail> {
  await authorizedAgency(deps.db, actor, id, ({ actor, ref }) => authorize(actor, 'agency.read', ref));
  return agencyDetail(deps, id);
}

async function agencyDetail(deps: DetailDeps, id: string): Promise<AgencyDetail> {
  const row = await selectAgencyDetail(deps.db, id);
  if (!row) throw agencyNotFound();
  const [participations, codeLocked] = await Promise.all([
    selectParticipations(deps.db, id),
    deps.agencyPublished.read(deps.db, id),
  ]);
  return presentAgencyDetail(row, participations, codeLocked);
}

/** Friendly 400s for references the foreign keys would otherwise reject with a bare error. */
async function checkReferences(
  db: DbOrTx,
  values: { ministryCode?: string | null; provinceCode?: string | null; parentId?: string | null },
  agencyId?: string,
) {
  if (values.provinceCode && !(await provinceExists(db, values.provinceCode)))
    throw unknownProvince(values.provinceCode);
  if (values.ministryCode && !(await ministryExists(db, values.ministryCode)))
    throw unknownMinistry(values.ministryCode);
  if (values.parentId) {
    if (!(await selectAgency(db, values.parentId))) throw unknownParent();
    if (agencyId && (await isAncestorOrSelf(db, agencyId, values.parentId))) throw parentLoop();
  }
}

async function saving<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw agencyCodeTaken(code);
    throw e;
  }
}

export async function createAgency(deps: DetailDeps, actor: Actor | null, body: AgencyCreate) {
  authorize(actor, 'agency.create', null);
  await checkReferences(deps.db, body);
  if (await selectAgencyByCode(deps.db, body.code)) throw agencyCodeTaken(body.code);
  const row = await saving(body.code, () =>
    deps.db.transaction(async (tx) => {
      const created = await insertAgency(tx, body);
      await appendAudit(
        tx,
        {
          actor,
          agencyId: created.id,
          entityType: 'agency',
          entityId: created.id,
          action: 'create',
          after: created,
        },
        deps.now(),
      );
      return created;
    }),
  );
  return agencyDetail(deps, row.id);
}

export async function updateAgency(deps: DetailDeps, actor: Actor | null, id: string, patch: AgencyPatch) {
  const { agency, ref } = await authorizedAgency(deps.db, actor, id, ({ actor, ref }) =>
    authorize(actor, 'agency.update', ref),
  );
  const registryFields = Object.entries(patch).filter(
    ([key, value]) => value !== undefined && !(AGENCY_SELF_SERVICE_FIELDS as readonly string[]).includes(key),
  );
  if (registryFields.length > 0 && !can(actor, 'agency.updateRegistry', ref)) {
    throw forbidden(
      'agency_fields_restricted',
      'ผู้ดูแลระบบของหน่วยงานแก้ไขได้เฉพาะชื่อภาษาอังกฤษและเว็บไซต์ ข้อมูลอื่นแก้ไขโดยสำนักงาน ป.ป.ช.',
      'An agency admin may change only the English name and the website; NACC maintains the other fields',
    );
  }
  await checkReferences(deps.db, patch, id);
  if (patch.code && patch.code !== agency.code && (await selectAgencyByCode(deps.db, patch.code)))
    throw agencyCodeTaken(patch.code);
  // Nothing would change: no write, no audit entry (a repeated request must not fill the trail).
  if (!changesAnything(patch, agency)) return agencyDetail(deps, id);
  const codeChanges = patch.code !== undefined && patch.code !== agency.code;
  await saving(patch.code ?? agency.code, () =>
    deps.db.transaction(async (tx) => {
      // A published code is the open data's stable identifier. Checked under the agency's row and the
      // publication locks of its years, so no result of it is stored or published before this commits.
      if (codeChanges) {
        await lockAgency(tx, id);
        if (await deps.agencyPublished.locked(tx, id)) throw agencyCodePublished(agency.code);
      }
      const updated = await updateAgencyRow(tx, id, { ...patch, updatedAt: deps.now() });
      await appendAudit(
        tx,
        {
          actor,
          agencyId: id,
          entityType: 'agency',
          entityId: id,
          action: 'update',
          before: agency,
          after: updated,
        },
        deps.now(),
      );
    }),
  );
  return agencyDetail(deps, id);
}
