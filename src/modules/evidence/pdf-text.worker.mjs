// Reads the text of a PDF in a worker thread of the pool in pdf-text.ts: PDF.js (through unpdf's build) parses
// on the thread it runs on, and a large or hostile PDF must not hold up the web server. Plain JavaScript so
// that it loads in any Node without the TypeScript loader. Task: { data: Uint8Array, maxPages: number };
// result: { pages, title, text }; a PDF that cannot be read throws.
import { getDocumentProxy } from 'unpdf';

export default async function readPdf({ data, maxPages }) {
  // No eval of font programs (hardening), no console warnings for damaged files.
  const pdf = await getDocumentProxy(data, { isEvalSupported: false, verbosity: 0 });
  try {
    const texts = [];
    for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      page.cleanup();
    }
    const meta = await pdf.getMetadata().catch(() => null);
    const title = typeof meta?.info?.Title === 'string' ? meta.info.Title : null;
    return { pages: pdf.numPages, title, text: texts.join('\n') };
  } finally {
    await pdf.destroy();
  }
}
