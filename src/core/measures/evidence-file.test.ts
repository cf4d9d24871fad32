import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURE_EVIDENCE_NAME_MAX_LENGTH, MEASURE_EVIDENCE_TYPES } from '../../shared/limits.ts';
import { asciiFileName, evidenceFileName } from './evidence-file.ts';

const exts = MEASURE_EVIDENCE_TYPES.map((t) => t.ext);

describe('evidenceFileName', () => {
  it('keeps a Thai name and its matching extension', () => {
    expect(evidenceFileName('รายงานการประชุม ครั้งที่ 1.pdf', 'pdf')).toBe('รายงานการประชุม ครั้งที่ 1.pdf');
    expect(evidenceFileName('ภาพกิจกรรม.JPEG', 'jpg')).toBe('ภาพกิจกรรม.jpg');
  });

  it('gives the type read from the bytes, whatever the name claims', () => {
    expect(evidenceFileName('report.exe', 'pdf')).toBe('report.exe.pdf');
    expect(evidenceFileName('photo.png', 'jpg')).toBe('photo.png.jpg');
    expect(evidenceFileName('no-extension', 'docx')).toBe('no-extension.docx');
  });

  it('drops paths, control and direction-override characters', () => {
    expect(evidenceFileName('C:\\Users\\x\\..\\secret.pdf', 'pdf')).toBe('secret.pdf');
    expect(evidenceFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(evidenceFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(evidenceFileName('a\r\nContent-Type: x.pdf', 'pdf')).toBe('aContent-Type_ x.pdf');
    expect(evidenceFileName('...', 'pdf')).toBe('evidence.pdf');
    expect(evidenceFileName('', 'png')).toBe('evidence.png');
  });

  it('is safe for any name: one segment, no controls or reserved characters, the right extension, bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 260 }), fc.constantFrom(...exts), (name, ext) => {
        const out = evidenceFileName(name, ext);
        expect(out.endsWith(`.${ext}`)).toBe(true);
        expect([...out].length).toBeLessThanOrEqual(MEASURE_EVIDENCE_NAME_MAX_LENGTH);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: none may be left.
        expect(out).not.toMatch(/[\\/<>:"|?*%\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(out.startsWith('.')).toBe(false);
        // Stable: the stored name, named again, stays the same.
        expect(evidenceFileName(out, ext)).toBe(out);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('asciiFileName', () => {
  it('keeps ASCII names and falls back to "evidence" for all-Thai ones', () => {
    expect(asciiFileName('report 2568.pdf')).toBe('report 2568.pdf');
    expect(asciiFileName('รายงาน.pdf')).toBe('evidence.pdf');
    expect(asciiFileName('รายงาน 2568 final.docx')).toBe('2568 final.docx');
  });

  it('is printable ASCII without quotes or backslashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.constantFrom(...exts), (name, ext) => {
        const out = asciiFileName(evidenceFileName(name, ext));
        expect(out).toMatch(/^[\x20-\x7e]+$/);
        expect(out).not.toMatch(/["\\]/);
        expect(out.endsWith(`.${ext}`)).toBe(true);
      }),
    );
  }, 30_000);
});
