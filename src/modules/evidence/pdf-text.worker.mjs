// Reads the text of a PDF in a worker thread (see pdf-text.ts): PDF.js (through unpdf's build) parses on the
// thread it runs on, and a large or hostile PDF must not hold up the web server. Plain JavaScript so that it
// loads in any Node without the TypeScript loader. Input (workerData): { data: Uint8Array, maxPages: number }.
// Output (one message): { ok: true, pages, title, text } or { ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

const { data, maxPages } = workerData;
try {
  // No eval of font programs (hardening), no console warnings for damaged files.
  const pdf = await getDocumentProxy(data, { isEvalSupported: false, verbosity: 0 });
  const texts = [];
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    page.cleanup();
  }
  const meta = await pdf.getMetadata().catch(() => null);
  const title = typeof meta?.info?.Title === 'string' ? meta.info.Title : null;
  parentPort?.postMessage({ ok: true, pages: pdf.numPages, title, text: texts.join('\n') });
  await pdf.destroy();
} catch (e) {
  parentPort?.postMessage({ ok: false, error: String(e instanceof Error ? e.message : e) });
}
