// The progress report's evidence column: each entry's link and files (name, size), kept as written in a
// Thai-digit document (a link or a file name with Thai digits would no longer be the same).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { MeasuresContent } from '../../core/measures/content.ts';
import { officialDocx } from '../documents/index.ts';
import type { MeasureDocumentRow, ProgressFileRow, ProgressRow } from './measures.repo.ts';
import { fileSizeText, progressDocument } from './progress.export.ts';

const measureId = '11111111-1111-4111-8111-111111111111';
const at = new Date('2025-12-01T03:00:00Z');

function report(thaiDigits: boolean) {
  const content = {
    thaiDigits,
    measures: [{ id: measureId, title: 'ประชุมชี้แจง', from: '2025-10', to: '2026-09' }],
  } as MeasuresContent;
  const doc = {
    year: 2569,
    sourceYear: 2568,
    version: 1,
    progressSignedAt: null,
    content,
  } as MeasureDocumentRow;
  const entry = {
    id: 'p1',
    measureId,
    day: '2025-12-01',
    status: 'in_progress',
    note: 'จัดประชุม 2 ครั้ง',
    evidenceUrl: 'https://example.go.th/news/2568/12/01',
  } as ProgressRow;
  const file = (name: string, size: number) =>
    ({
      id: name,
      progressId: 'p1',
      name,
      mediaType: 'application/pdf',
      size,
      createdAt: at,
    }) as ProgressFileRow;
  return progressDocument({
    agencyName: 'หน่วยงานทดสอบ',
    doc,
    progress: [entry],
    files: [file('รายงานการประชุม 2569.pdf', 1_500_000), file('ภาพ 1.png', 2048)],
    effects: new Map(),
    signedBy: null,
    now: at,
  });
}

const textOf = async (docx: Buffer) =>
  ((await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '').replace(
    /<[^>]+>/g,
    '',
  );

describe('progress report evidence', () => {
  it('lists the link and each file with its size', async () => {
    const text = await textOf(await officialDocx(report(false)));
    expect(text).toContain('https://example.go.th/news/2568/12/01');
    expect(text).toContain('ไฟล์ รายงานการประชุม 2569.pdf (1.4 MB)');
    expect(text).toContain('ไฟล์ ภาพ 1.png (2 KB)');
    expect(text).toContain('จัดประชุม 2 ครั้ง');
  });

  it('keeps links and file names as written in a Thai-digit document, and only there', async () => {
    const text = await textOf(await officialDocx(report(true)));
    expect(text).toContain('https://example.go.th/news/2568/12/01');
    expect(text).toContain('ไฟล์ รายงานการประชุม 2569.pdf (1.4 MB)');
    expect(text).toContain('จัดประชุม ๒ ครั้ง');
  });

  it('reads sizes in bytes, KB and MB', () => {
    expect(fileSizeText(900)).toBe('900 ไบต์');
    expect(fileSizeText(350 * 1024)).toBe('350 KB');
    expect(fileSizeText(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});
