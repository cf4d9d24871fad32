// CSV import of the agency registry: all rows valid → upsert by code in one transaction; else nothing changes.
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { invalid } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies } from '../../db/schema/index.ts';
import { appendAudit } from '../audit/index.ts';
import { referenceCodes } from '../reference/index.ts';
import { type AgencyCsvRow, CSV_TEMPLATE, type CsvLookups, validateAgencyCsv } from './agencies.csv.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
const BATCH = 500;

async function loadLookups(db: DbOrTx): Promise<CsvLookups> {
  const [codes, agencyRows] = await Promise.all([
    referenceCodes(db),
    db.execute<{ code: string; parent_code: string | null }>(
      sql`select a.code, p.code as parent_code from agencies a left join agencies p on p.id = a.parent_id`,
    ),
  ]);
  return {
    provinces: codes.provinces,
    ministries: codes.ministries,
    existing: new Map(agencyRows.rows.map((r) => [r.code, r.parent_code])),
  };
}

/** The template starts with a BOM so that Excel opens the Thai text as UTF-8. */
export function agencyCsvTemplate(actor: Actor | null): string {
  authorize(actor, 'agency.import', null);
  return `\uFEFF${CSV_TEMPLATE}`;
}

export async function importAgencies(deps: Deps, actor: Actor | null, csv: string) {
  authorize(actor, 'agency.import', null);
  const lookups = await loadLookups(deps.db);
  const { rows, problems } = validateAgencyCsv(csv, lookups);
  if (problems.length > 0) {
    throw invalid(
      'import_invalid',
      `ไฟล์มีข้อผิดพลาด ${problems.length} รายการ จึงยังไม่ได้นำเข้าข้อมูลใด ๆ กรุณาแก้ไขแล้วนำเข้าใหม่`,
      `The file has ${problems.length} problem(s); nothing was imported. Fix them and import again`,
      problems,
    );
  }
  const now = deps.now();
  const updatedCodes = rows.filter((r) => lookups.existing.has(r.code)).map((r) => r.code);
  const createdCodes = rows.filter((r) => !lookups.existing.has(r.code)).map((r) => r.code);
  await deps.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) await upsertBatch(tx, rows.slice(i, i + BATCH), now);
    // Parents second: a parent may be a row of the same file that did not exist before this transaction.
    for (let i = 0; i < rows.length; i += BATCH) await linkParents(tx, rows.slice(i, i + BATCH));
    // One entry per file (the registry holds thousands of agencies): which codes it created and updated.
    await appendAudit(
      tx,
      {
        actor,
        entityType: 'agency_import',
        entityId: now.toISOString(),
        action: 'import',
        after: { created: createdCodes, updated: updatedCodes },
      },
      now,
    );
  });
  return { created: createdCodes.length, updated: updatedCodes.length };
}

/** A CSV row is the whole record: empty optional cells clear the stored value. `active` is left alone. */
function upsertBatch(tx: DbOrTx, rows: AgencyCsvRow[], now: Date) {
  return tx
    .insert(agencies)
    .values(
      rows.map((r) => ({
        code: r.code,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        type: r.type,
        peerGroup: r.peerGroup,
        sizeClass: r.sizeClass,
        ministryCode: r.ministryCode,
        provinceCode: r.provinceCode,
        website: r.website,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: agencies.code,
      set: {
        nameTh: sql`excluded.name_th`,
        nameEn: sql`excluded.name_en`,
        type: sql`excluded.type`,
        peerGroup: sql`excluded.peer_group`,
        sizeClass: sql`excluded.size_class`,
        ministryCode: sql`excluded.ministry_code`,
        provinceCode: sql`excluded.province_code`,
        website: sql`excluded.website`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

function linkParents(tx: DbOrTx, rows: AgencyCsvRow[]) {
  const values = sql.join(
    rows.map((r) => sql`(${r.code}::text, ${r.parentCode}::text)`),
    sql`, `,
  );
  return tx.execute(sql`
    update agencies as a set parent_id = p.id
    from (values ${values}) as v(code, parent_code)
    left join agencies p on p.code = v.parent_code
    where a.code = v.code and a.parent_id is distinct from p.id`);
}
