// Small helpers for the printable IIT documents (poster, token slips): Sarabun fonts, Thai line breaking,
// vector QR codes, Thai dates, and a PNG rasterisation of a PDF.
//
// pdfkit shapes Thai acceptably with Sarabun (fontkit applies the font's mark positioning; checked against
// Chromium's rendering), but it breaks lines only at spaces, and Thai has none between words: `thaiLines`
// breaks at word boundaries found by Intl.Segmenter instead.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import type QRCode from 'qrcode';
import { DomainError } from '../../core/errors.ts';

const sarabunDir = path.dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);
let fonts: { regular: Buffer; semibold: Buffer } | undefined;
function sarabun() {
  fonts ??= {
    regular: readFileSync(path.join(sarabunDir, '400Regular/Sarabun_400Regular.ttf')),
    semibold: readFileSync(path.join(sarabunDir, '600SemiBold/Sarabun_600SemiBold.ttf')),
  };
  return fonts;
}

export type Pdf = InstanceType<typeof PDFDocument>;

// pdfkit (with fontkit) and qrcode are loaded with the first document, not when the server starts
// (src/app/lazy-imports.test.ts): a document needs `newA4` first, which loads both.
let libs: { PDFDocument: typeof PDFDocument; QRCode: typeof QRCode } | undefined;
async function loadLibs() {
  const [pdfkit, qrcode] = await Promise.all([import('pdfkit'), import('qrcode')]);
  libs ??= { PDFDocument: pdfkit.default, QRCode: qrcode.default };
  return libs;
}
function loadedLibs() {
  if (!libs) throw new Error('pdf-kit: newA4 loads pdfkit and qrcode; call it first');
  return libs;
}

/** An A4 document with the fonts 'regular' and 'bold' (Sarabun SemiBold) registered. */
export async function newA4(title: string): Promise<Pdf> {
  const { PDFDocument } = await loadLibs();
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: title, Producer: 'Prongsai' } });
  doc.registerFont('regular', sarabun().regular);
  doc.registerFont('bold', sarabun().semibold);
  return doc;
}

export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });

/** Lines of at most `width` points in the current font, broken between (Thai or Latin) words. */
export function thaiLines(doc: Pdf, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { segment } of thaiWords.segment(text)) {
    const candidate = line + segment;
    if (line !== '' && doc.widthOfString(candidate.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = segment.trimStart();
    } else line = candidate;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Writes wrapped text at (x, y) and returns the y below it. */
export function writeWrapped(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { align?: 'left' | 'center'; lineGap?: number } = {},
): number {
  const lineHeight = doc.currentLineHeight(true) + (opts.lineGap ?? 2);
  let top = y;
  for (const line of thaiLines(doc, text, width)) {
    doc.text(line, x, top, { width, align: opts.align ?? 'left', lineBreak: false });
    top += lineHeight;
  }
  return top;
}

/** A QR code drawn as vector squares (sharp at any print size), quiet zone included in `size`. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number) {
  const qr = loadedLibs().QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  doc.save();
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  doc.fill('#000000');
  doc.restore();
}

/** 2025-07-31 → "31 กรกฎาคม 2568" / "31 July 2025". */
export function formatDay(isoDay: string, locale: 'th' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'th' ? 'th-TH' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(`${isoDay}T12:00:00+07:00`));
}

// One rasterisation at a time: pdftoppm is quick but memory-hungry at poster resolution.
let queue: Promise<unknown> = Promise.resolve();

/** The first page of a PDF as a PNG, via poppler's pdftoppm (package poppler-utils). */
export function pdfToPng(pdf: Buffer, dpi = 150): Promise<Buffer> {
  const job = queue.then(() => rasterise(pdf, dpi));
  queue = job.catch(() => undefined);
  return job;
}

const pngUnavailable = () =>
  new DomainError(
    'conflict',
    'png_unavailable',
    'เซิร์ฟเวอร์นี้ยังสร้างไฟล์ PNG ไม่ได้ (ต้องติดตั้ง poppler-utils) กรุณาดาวน์โหลดไฟล์ PDF แทน',
    'This server cannot produce PNG files yet (poppler-utils is needed); please download the PDF instead',
  );

function rasterise(pdf: Buffer, dpi: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', '-'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? pngUnavailable() : e));
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`pdftoppm exited with ${code}`)),
    );
    child.stdin.on('error', () => undefined); // the 'error'/'close' handlers report the failure
    child.stdin.end(pdf);
  });
}
