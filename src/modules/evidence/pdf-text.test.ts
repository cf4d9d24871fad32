import { describe, expect, it } from 'vitest';
import { thaiPdf } from '../../../test/helpers/test-site.ts';
import { readPdfText } from './pdf-text.ts';

const plan = (pages: string[]) => thaiPdf('แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘', pages);

describe('readPdfText', () => {
  it('reads the title and the text of each page, Thai and Arabic digits alike', async () => {
    const pdf = await plan(['แผนการดำเนินงาน พ.ศ. ๒๕๖๘', 'งบประมาณ 2568 บาท']);
    const read = await readPdfText(pdf);
    expect(read?.pages).toBe(2);
    expect(read?.title).toBe('แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๘');
    expect(read?.text).toContain('๒๕๖๘');
    expect(read?.text).toContain('2568');
  });

  it('reads only the first pages asked for', async () => {
    const pdf = await plan(['หน้าแรก', 'หน้าสอง 2568']);
    const read = await readPdfText(pdf, { maxPages: 1, timeoutMs: 15_000 });
    expect(read?.pages).toBe(2);
    expect(read?.text).not.toContain('2568');
  });

  it('gives null for a PDF cut short, for bytes that are not a PDF, and when time runs out', async () => {
    const pdf = await plan(['แผนการดำเนินงาน พ.ศ. ๒๕๖๘']);
    expect(await readPdfText(pdf.subarray(0, Math.floor(pdf.length / 2)))).toBeNull();
    expect(await readPdfText(Buffer.from('<html>not a pdf</html>'))).toBeNull();
    // 30 pages to read in 1 ms: out of time even when the pool's threads are already warm (PDF.js loaded by an
    // earlier test in the same worker), where a one-page PDF could beat the timer.
    const long = await plan(Array.from({ length: 30 }, (_, i) => `หน้า ${i + 1} แผนการดำเนินงาน พ.ศ. ๒๕๖๘`));
    expect(await readPdfText(long, { maxPages: 30, timeoutMs: 1 })).toBeNull();
    // The pool goes on reading after a PDF that ran out of time.
    expect((await readPdfText(pdf))?.text).toContain('๒๕๖๘');
  });

  it('leaves the caller’s buffer as it was', async () => {
    const pdf = await plan(['ข้อความ']);
    const copy = Buffer.from(pdf);
    await readPdfText(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });
});
