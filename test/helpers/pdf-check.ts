// Looking at a rendered PDF in tests (poppler-utils: pdfinfo, pdftotext, pdftoppm): pages and their sizes,
// each page's text, a page as PNG and how much ink it carries — so a broken layout (blank pages, a table
// run off the page, headings missing, a wrong page size) fails the build.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

async function withFile<T>(pdf: Buffer, f: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pdf-check-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    return await f(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each page's size in millimetres, from pdfinfo. */
export function pageSizes(pdf: Buffer): Promise<{ widthMm: number; heightMm: number }[]> {
  return withFile(pdf, async (file) => {
    const { stdout: info } = await exec('pdfinfo', [file]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', String(pages), file]);
    return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
      widthMm: (Number(m[1]) * 25.4) / 72,
      heightMm: (Number(m[2]) * 25.4) / 72,
    }));
  });
}

/** The text of every page (pdftotext, reading order), page 1 first. */
export function pageTexts(pdf: Buffer): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await exec('pdftotext', ['-layout', file, '-'], { maxBuffer: 50 * 1024 * 1024 });
    return stdout.split('\f').slice(0, -1);
  });
}

/** A page as PNG (what a reviewer would look at) and the share of its pixels that are not white. */
export function renderPage(pdf: Buffer, page: number, dpi = 50): Promise<{ png: Buffer; ink: number }> {
  return withFile(pdf, async (file, dir) => {
    const range = ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile'];
    await exec('pdftoppm', ['-png', ...range, file, path.join(dir, 'page')]);
    await exec('pdftoppm', ['-gray', ...range, file, path.join(dir, 'page')]);
    const png = await readFile(path.join(dir, 'page.png'));
    const pgm = await readFile(path.join(dir, 'page.pgm'));
    return { png, ink: inkOfPgm(pgm) };
  });
}

/** Share of pixels darker than light grey in a binary PGM (P5) image. */
function inkOfPgm(pgm: Buffer): number {
  // Header: "P5", width, height, maxval, each followed by whitespace; then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / pixels.length;
}
