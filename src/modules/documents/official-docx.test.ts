// The document's page numbering as Word reads it (no rendering here: official-docx.render.test.ts renders).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { officialDocx } from './official-docx.ts';
import { sampleDocument } from './sample.testing.ts';

const documentXml = async (thaiDigits: boolean) =>
  (await (
    await JSZip.loadAsync(await officialDocx(sampleDocument(thaiDigits)))
  )
    .file('word/document.xml')
    ?.async('string')) ?? '';

describe('officialDocx page numbers', () => {
  it('numbers the body from 1 in Thai digits for Word when the document uses Thai digits', async () => {
    const xml = await documentXml(true);
    expect(xml).toMatch(/<w:pgNumType[^>]*w:fmt="thaiNumbers"/);
    expect(xml).toMatch(/<w:pgNumType[^>]*w:start="1"/);
  });

  it('keeps Arabic page numbers in an Arabic-digit document', async () => {
    const xml = await documentXml(false);
    expect(xml).toMatch(/<w:pgNumType[^>]*w:start="1"/);
    expect(xml).not.toContain('thaiNumbers');
  });
});
