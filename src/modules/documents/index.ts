// Thai official documents (issue 12): the DOCX builder every module's exports use (measures, provincial
// plans) and the conversion to PDF. No tables, no routes.
export {
  type Align,
  headingsOf,
  type OfficialBlock,
  type OfficialCell,
  type OfficialDocument,
  officialDocx,
} from './official-docx.ts';
export { docxToPdf, type PdfOptions, pdfFailed, pdfUnavailable } from './pdf.ts';
