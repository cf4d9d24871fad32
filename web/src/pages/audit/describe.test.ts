import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ENTITY_TYPES } from '@server/core/audit/visibility.ts';
import { ROLES } from '@server/core/authz.ts';
import { describe, expect, it } from 'vitest';
import { actorWords, describeEntry, eventWords, hasSentence, kindWords, WRITTEN_EVENTS } from './describe.ts';

const AGENCY = '6f1c2d3e-0000-4000-8000-000000000001';
const entry = (o: Partial<Parameters<typeof describeEntry>[0]>) => ({
  entityType: 'oit_answer',
  entityId: `${AGENCY}:2568:O13`,
  action: 'approve',
  before: null,
  after: null,
  actor: { role: 'executive' },
  ...o,
});

describe('describeEntry', () => {
  it('says who did what to which item, in Thai and English', () => {
    expect(describeEntry(entry({ entityId: `${AGENCY}:2568:o13` }))).toEqual({
      th: 'ผู้บริหารหน่วยงานอนุมัติคำตอบข้อ O13',
      en: "The agency's executive approved the answer to item O13",
    });
  });

  it('describes a submission of the whole OIT for approval, with its fiscal year', () => {
    const d = describeEntry(
      entry({
        entityType: 'oit_review',
        entityId: `${AGENCY}:2568`,
        action: 'submit',
        actor: { role: 'agency_admin' },
      }),
    );
    expect(d.th).toBe('ผู้ดูแลระบบของหน่วยงานส่งคำตอบ OIT ปีงบประมาณ พ.ศ. 2568 เพื่อขออนุมัติ');
    expect(d.en).toBe("The agency's administrator submitted the OIT answers for FY2568 (BE) for approval");
  });

  it('names the system when no one signed in made the change, and the account by its username', () => {
    const d = describeEntry(
      entry({
        entityType: 'user',
        entityId: AGENCY,
        action: 'lockout',
        actor: null,
        after: { username: 'somchai' },
      }),
    );
    expect(d.th).toBe('ระบบล็อกบัญชีผู้ใช้ somchai ชั่วคราว เพราะใส่รหัสผ่านผิดหลายครั้ง');
    expect(d.en).toMatch(/^The system locked the account somchai/);
  });

  it('falls back to words, never JSON, for an action or a kind without its own sentence', () => {
    const unknownAction = describeEntry(entry({ action: 'weird_thing', after: { x: 1 } }));
    expect(unknownAction.th).toBe('ผู้บริหารหน่วยงานดำเนินการ “weird thing” กับคำตอบข้อ O13');
    expect(unknownAction.en).toBe("The agency's executive did “weird thing” to the answer to item O13");
    const unknownKind = describeEntry(
      entry({ entityType: 'new_kind', action: 'do.it', actor: { role: 'nobody' } }),
    );
    expect(unknownKind.th).toBe('ผู้ใช้บันทึกการเปลี่ยนแปลงประเภท “new kind” (do it)');
    for (const d of [unknownAction, unknownKind]) expect(`${d.th}${d.en}`).not.toMatch(/[{}[\]_]/);
  });

  it('has a subject for every role', () => {
    for (const role of ROLES) expect(actorWords({ role }).th).not.toBe(actorWords({ role: 'nobody' }).th);
  });

  it('has words for every kind of entry, and a sentence of its own for every event the server writes', () => {
    for (const type of AUDIT_ENTITY_TYPES) expect(kindWords(type).th.length).toBeGreaterThan(2);
    for (const [type, action] of WRITTEN_EVENTS) {
      expect(hasSentence(type, action), `${type} ${action}`).toBe(true);
      const d = describeEntry(entry({ entityType: type, action }));
      expect(`${d.th} ${d.en}`, `${type} ${action}`).not.toMatch(/[{}_]|undefined|null/);
      expect(eventWords(type, action).th, `${type} ${action}`).not.toMatch(/[{}_]/);
    }
    expect(new Set(WRITTEN_EVENTS.map((e) => e.join(' '))).size).toBe(WRITTEN_EVENTS.length);
  });
});

/**
 * The kinds and actions written literally at appendAudit call sites (`entityType: 'x'` and, within the next
 * lines, `action: 'y'` or `action: c ? 'y' : 'z'`). Actions passed in variables (the OIT workflow, the quality
 * decision, the processing run, interviews) are listed in WRITTEN_EVENTS by hand.
 */
function literalEvents(): string[] {
  const root = fileURLToPath(new URL('../../../../src/', import.meta.url));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !/\.test(ing)?\.ts$/.test(f) && !f.includes('demo'),
  );
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes('appendAudit') || file.includes('core/audit')) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const type = /entityType: '([a-z0-9_]+)'/.exec(line)?.[1];
      if (!type) return;
      const window = lines.slice(i, i + 6).join('\n');
      const action = /action:([^,\n]*(?:\n\s*[?:][^,\n]*)*)/.exec(window)?.[1] ?? '';
      for (const m of action.matchAll(/'([a-z0-9_.-]+)'/g)) found.add(`${type} ${m[1]}`);
    });
  }
  return [...found];
}

describe('WRITTEN_EVENTS', () => {
  it('lists every kind and action written literally in the server code', () => {
    const listed = new Set(WRITTEN_EVENTS.map((e) => e.join(' ')));
    const literal = literalEvents();
    expect(literal.length).toBeGreaterThan(40); // the scan found the call sites
    expect(literal.filter((e) => !listed.has(e))).toEqual([]);
  });
});
