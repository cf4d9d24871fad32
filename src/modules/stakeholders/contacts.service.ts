// The EIT part-2 contact list: upload (all rows valid or nothing imported), paged reading, the template.

import type { AppDeps } from '../../app/context.ts';
import type { Actor } from '../../core/authz.ts';
import { conflict, invalid } from '../../core/errors.ts';
import { allow, authorizedAgency, participatingAgency } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { sampleDrawn } from '../interviews/index.ts';
import { CONTACTS_TEMPLATE, readContactsCsv, readContactsXlsx, validateContacts } from './contacts.parse.ts';
import { lockStakeholder, replaceContacts, selectContactPage, writeRevision } from './stakeholders.repo.ts';
import type { ContactsQuery } from './stakeholders.schema.ts';
import { assertStakeholderWindow } from './stakeholders.service.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** CSV arrives as text (decoded by the route), XLSX as the file's bytes. */
export type ContactFile = { kind: 'csv'; text: string } | { kind: 'xlsx'; data: Buffer };

const sampleAlreadyDrawn = () =>
  conflict(
    'eit2_sample_drawn',
    'ผู้ประเมินสุ่มตัวอย่าง EIT ส่วนที่ 2 จากรายชื่อนี้แล้ว จึงเปลี่ยนรายชื่อไม่ได้ หากจำเป็นกรุณาติดต่อผู้ประเมิน',
    'The assessor has already drawn the EIT part-2 sample from this list, so it can no longer be replaced; contact the assessor if needed',
  );

export async function uploadContacts(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  file: ContactFile,
): Promise<{ imported: number; revision: number }> {
  const { actor: editor } = await participatingAgency(
    deps.db,
    actor,
    agencyId,
    year,
    allow('stakeholder.update'),
  );
  // The list is stakeholder data (it raises the revision the executive approves): the same stage window.
  await assertStakeholderWindow(deps.db, agencyId, year, deps.now());
  if (await sampleDrawn(deps.db, agencyId, year)) throw sampleAlreadyDrawn();

  const sheet = file.kind === 'csv' ? readContactsCsv(file.text) : await readContactsXlsx(file.data);
  const { contacts, problems } =
    'header' in sheet ? validateContacts(sheet) : { contacts: [], problems: [sheet] };
  if (problems.length > 0)
    throw invalid(
      'contacts_invalid',
      `ไฟล์มีข้อผิดพลาด ${problems.length} รายการ จึงยังไม่ได้นำเข้ารายชื่อใด ๆ กรุณาแก้ไขแล้วนำเข้าใหม่`,
      `The file has ${problems.length} problem(s); no contact was imported. Fix them and upload again`,
      problems,
    );

  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await lockStakeholder(tx, agencyId, year, editor.userId, now);
    // Checked again under the lock: a sample drawn since the first check refers to the current list.
    if (await sampleDrawn(tx, agencyId, year)) throw sampleAlreadyDrawn();
    await replaceContacts(tx, agencyId, year, contacts, now);
    const after = await writeRevision(tx, agencyId, year, { by: editor.userId, now });
    // The count only: the list holds personal data that does not belong in a permanent log.
    await appendAudit(
      tx,
      {
        actor,
        agencyId,
        entityType: 'eit_contacts',
        entityId: `${agencyId}:${year}`,
        action: 'replace',
        before: { revision: before.revision },
        after: { count: contacts.length, revision: after.revision },
      },
      now,
    );
    return { imported: contacts.length, revision: after.revision };
  });
}

export async function listContacts(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
  query: ContactsQuery,
) {
  await participatingAgency(deps.db, actor, agencyId, year, allow('contacts.read'));
  const { rows, total } = await selectContactPage(deps.db, agencyId, year, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** Starts with a BOM so that Excel opens the Thai text as UTF-8. */
export async function contactsTemplate(deps: Deps, actor: Actor | null, agencyId: string): Promise<string> {
  await authorizedAgency(deps.db, actor, agencyId, allow('stakeholder.update'));
  return `\uFEFF${CONTACTS_TEMPLATE}`;
}
