// The plan exported for real: the official document builder's DOCX → PDF (LibreOffice headless) → text and
// pages (poppler). A broken layout — a blank page, the activities table lost or cut, a wrong page size — fails.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSizes, pageTexts, renderPage } from '../../../test/helpers/pdf-check.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { docxToPdf, officialDocx } from '../documents/index.ts';
import { planDocument } from './plans.export.ts';
import { presentPlan } from './plans.present.ts';
import type { PlanRow } from './plans.repo.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

const calendar = [
  { code: 'register', name: { th: 'ลงทะเบียนเข้าร่วมการประเมิน' }, start: '2025-01-01', end: '2025-01-31' },
  { code: 'oit_answering', name: { th: 'ตอบแบบวัด OIT' }, start: '2025-01-01', end: '2025-04-30' },
];

/** The template's sixteen activities for a province, as a supervisor saves them, one with a note. */
function samplePlan() {
  const base = {
    year: 2568,
    scope: { kind: 'province' as const, code: 'TH-47', name: { th: 'สกลนคร', en: 'Sakon Nakhon' } },
    updatedByName: null,
    canEdit: false,
    framework: { calendar } as unknown as Framework,
    behind: new Map(),
  };
  const template = presentPlan({ ...base, row: null }).template;
  const row = {
    activities: template.map((t, i) => ({
      kind: t.kind,
      title: t.title,
      period: t.period,
      offices: t.offices,
      status: i < 5 ? ('done' as const) : ('planned' as const),
      notes: i === 5 ? 'ลงพื้นที่ครบทุกหน่วยงานแล้ว' : null,
      chases: t.chases,
    })),
    version: 3,
    updatedAt: new Date('2025-02-10T03:00:00Z'),
    updatedBy: null,
  } as unknown as PlanRow;
  return presentPlan({ ...base, row });
}

describe.runIf(hasSoffice || process.env.CI)('provincial plan, rendered', () => {
  let pdf: Buffer;
  let texts: string[];

  beforeAll(async () => {
    const docx = await officialDocx(planDocument(samplePlan(), true, new Date('2025-02-10T03:00:00Z')));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    pdf = await docxToPdf(docx, { timeoutMs: 120_000 });
    texts = await pageTexts(pdf);
  }, 180_000);

  it('has a cover, contents and the table over a few A4 pages', async () => {
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBe(texts.length);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.length).toBeLessThanOrEqual(12);
    for (const s of sizes) {
      expect(s.widthMm).toBeCloseTo(210, 0);
      expect(s.heightMm).toBeCloseTo(297, 0);
    }
    for (let page = 1; page <= sizes.length; page++)
      expect((await renderPage(pdf, page)).ink, `page ${page}`).toBeGreaterThan(0.001);
  }, 120_000);

  it('prints the cover, every activity with its period in Thai digits, the note and the calendar', () => {
    // Lines wrap where LibreOffice breaks Thai words: compare without white space.
    const squash = (x: string) => x.replace(/\s+/g, '');
    const all = squash(texts.join('\n'));
    const cover = squash(texts[0] ?? '');
    expect(cover).toContain(squash('แผนขับเคลื่อนการประเมิน คุณธรรมและความโปร่งใสในการดำเนินงาน'));
    expect(cover).toContain('จังหวัดสกลนคร');
    expect(cover).toContain(squash('กุมภาพันธ์ ๒๕๖๘'));
    expect(squash(texts[1] ?? '')).toContain('สารบัญ');
    expect(all).toContain(squash('๑. แผนการขับเคลื่อนการดำเนินงาน'));
    // Table cells come out column by column: the visits before OIT answering closes, then the calendar.
    expect(all).toContain(squash('๑๕ – ๓๐'));
    expect(all).toContain(squash('๑ – ๓๑ มกราคม ๒๕๖๘'));
    expect(all).toContain(squash('ลงพื้นที่ครบทุกหน่วยงานแล้ว'));
    expect(all).toContain(squash('ปฏิทินการประเมินของสำนักงาน ป.ป.ช.'));
    expect(all).toContain(squash('สำนักงาน ป.ป.ช. ประจำจังหวัดสกลนคร'));
    expect(all).toContain('๑๖'); // the sixteenth activity, numbered in Thai digits
    expect(all).not.toMatch(/2568/);
  });
});
