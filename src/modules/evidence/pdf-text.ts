// The text of a fetched PDF (its first pages and its title), so that the evidence checker can tell whether a
// published plan or report names the fiscal year. Parsing runs in a small pool of worker threads (piscina)
// with a time and memory limit per PDF; a worker is kept between PDFs (loading PDF.js is most of the cost)
// and closed when idle. A PDF that cannot be read (damaged, truncated at the size cap, encrypted, too slow)
// gives null; a PDF that runs out of time has its worker terminated.
import type { Piscina } from 'piscina';
import type { PdfText } from '../../core/oit/evidence-text.ts';

export interface PdfTextLimits {
  /** Pages read from the start; plans name their year on the first pages. */
  maxPages: number;
  timeoutMs: number;
}

export const PDF_TEXT_LIMITS: PdfTextLimits = { maxPages: 30, timeoutMs: 15_000 };

let pool: Piscina | undefined;
/** piscina is loaded with the first PDF, not when the server starts (src/app/lazy-imports.test.ts). */
async function pdfPool(): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  pool ??= new Piscina({
    filename: new URL('./pdf-text.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return pool;
}

export async function readPdfText(
  body: Uint8Array,
  limits: PdfTextLimits = PDF_TEXT_LIMITS,
): Promise<PdfText | null> {
  // A copy the worker owns (the fetched body may share its memory with other buffers).
  const data = new Uint8Array(body);
  try {
    return (await (
      await pdfPool()
    ).run(
      { data, maxPages: limits.maxPages },
      { transferList: [data.buffer], signal: AbortSignal.timeout(limits.timeoutMs) },
    )) as PdfText;
  } catch {
    return null;
  }
}
