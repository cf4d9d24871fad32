// Thai official documents (issue 12): the DOCX builder every module's exports use (measures, provincial
// plans) and the conversion to PDF. No tables, no routes.
import type { OfficialDocument } from './official-docx.ts';

export type { Align, OfficialBlock, OfficialCell, OfficialDocument } from './official-docx.ts';

/**
 * The DOCX file of a document. The builder and the `docx` package are loaded with the first document, not
 * when the server starts (src/app/lazy-imports.test.ts).
 */
export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  return (await import('./official-docx.ts')).officialDocx(doc);
}

/** Text the blocks put on pages, in order (tests and the PDF check read it). */
export function headingsOf(doc: OfficialDocument): string[] {
  return doc.body.filter((b) => b.kind === 'heading').map((b) => b.text);
}
export { cachedPdf, docxToPdf, type PdfOptions, pdfFailed, pdfUnavailable } from './pdf.ts';
