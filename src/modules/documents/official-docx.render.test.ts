// The official document builder rendered for real: DOCX → PDF (LibreOffice headless) → text and PNG
// (poppler). CI installs both (.ci/run); a broken layout — blank pages, a wrong page size, headings lost, a
// table of contents pointing at the wrong pages — fails here.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageSizes, pageTexts, renderPage } from '../../../test/helpers/pdf-check.ts';
import { fromThaiDigits } from '../../core/documents/thai-text.ts';
import { officialDocx } from './official-docx.ts';
import { docxToPdf } from './pdf.ts';
import { sampleDocument } from './sample.testing.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(hasSoffice || process.env.CI)('official document, rendered', () => {
  let pdf: Buffer;
  let texts: string[];
  let convertMs: number;

  beforeAll(async () => {
    const docx = await officialDocx(sampleDocument(true));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const started = Date.now();
    pdf = await docxToPdf(docx, { timeoutMs: 120_000 });
    convertMs = Date.now() - started;
    texts = await pageTexts(pdf);
  }, 180_000);

  it('has the cover, foreword, contents and body pages, all A4 portrait', async () => {
    const sizes = await pageSizes(pdf);
    expect(sizes.length).toBe(texts.length);
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    expect(sizes.length).toBeLessThanOrEqual(10);
    for (const s of sizes) {
      expect(s.widthMm).toBeCloseTo(210, 0);
      expect(s.heightMm).toBeCloseTo(297, 0);
    }
    expect(convertMs).toBeLessThan(120_000);
  });

  it('carries the Thai text layer: cover, foreword, contents, numbered headings in Thai digits', () => {
    const all = texts.join('\n');
    expect(texts[0]).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใส');
    expect(texts[0]).toContain('๒๕๖๘');
    expect(texts[1]).toContain('คำนำ');
    expect(texts[2]).toContain('สารบัญ');
    expect(all).toContain('๑. ผลการประเมิน ITA');
    expect(all).toContain('๒.๑ แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)');
    expect(all).toContain('ขั้นตอน/'); // a bold header cell (its marks extract out of order)
    expect(all).not.toMatch(/ผลการประเมิน ITA ประจำปีงบประมาณ พ\.ศ\. 2567/); // digits were converted
  });

  it('numbers the body from 1 and the contents point at the pages the headings are on', () => {
    const contents = texts[2] ?? '';
    const entries = [...contents.matchAll(/^\s*(\S.*?)\.{3,}\s*([๐-๙0-9]+)\s*$/gm)].map((m) => ({
      title: (m[1] ?? '').trim(),
      page: Number(fromThaiDigits(m[2] ?? '')),
    }));
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const bodyStart = 3; // cover, foreword, contents
    for (const e of entries) {
      const pageText = texts[bodyStart + e.page - 1] ?? '';
      const words = e.title.slice(0, 12);
      expect(pageText.replace(/\s+/g, ' '), `"${e.title}" on page ${e.page}`).toContain(words);
      expect(pageText).toMatch(new RegExp(`^\\s*-\\s*${e.page}\\s*-`));
    }
  });

  it('draws every page (PNG not blank), and the wide table stays inside the page', async () => {
    for (let page = 1; page <= texts.length; page++) {
      const { png, ink } = await renderPage(pdf, page);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(ink, `page ${page}`).toBeGreaterThan(0.002);
    }
    // Every row of the measures table printed (14 measures), none cut off.
    const all = fromThaiDigits(texts.join('\n'));
    for (let i = 1; i <= 14; i++) expect(all).toMatch(new RegExp(`(^|\\s)${i}\\. มาตรการ`));
  });
});
