// The text of a fetched PDF (its first pages and its title), so that the evidence checker can tell whether a
// published plan or report names the fiscal year. Parsing runs in a worker thread with a time and memory
// limit; a PDF that cannot be read (damaged, truncated at the size cap, encrypted, too slow) gives null.
import { Worker } from 'node:worker_threads';
import type { PdfText } from '../../core/oit/evidence-text.ts';

export interface PdfTextLimits {
  /** Pages read from the start; plans name their year on the first pages. */
  maxPages: number;
  timeoutMs: number;
}

export const PDF_TEXT_LIMITS: PdfTextLimits = { maxPages: 30, timeoutMs: 15_000 };

const WORKER_URL = new URL('./pdf-text.worker.mjs', import.meta.url);

type WorkerAnswer = { ok: true; pages: number; title: string | null; text: string } | { ok: false };

export function readPdfText(
  body: Uint8Array,
  limits: PdfTextLimits = PDF_TEXT_LIMITS,
): Promise<PdfText | null> {
  // A copy the worker owns (the fetched body may share its memory with other buffers).
  const data = new Uint8Array(body);
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_URL, {
      workerData: { data, maxPages: limits.maxPages },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      stdout: true,
      stderr: true,
    });
    const finish = (result: PdfText | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    // Output is not wanted (PDF.js is set quiet) but is drained rather than left to pile up.
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => finish(null), limits.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) =>
      finish(answer.ok ? { pages: answer.pages, title: answer.title, text: answer.text } : null),
    );
    worker.once('error', () => finish(null));
    worker.once('exit', () => finish(null));
  });
}
