// DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`, Debian package
// libreoffice-writer-nogui). One conversion at a time per process (LibreOffice is heavy: ~1–3 s and a few
// hundred MB per document), each under a time limit, in a private profile (so it never collides with another
// LibreOffice on the machine) whose fontconfig file adds the Sarabun faces shipped with the application.
// Without soffice the caller gets `documents_pdf_unavailable` (409) and can still serve the DOCX.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { conflict } from '../../core/errors.ts';
import { sarabunDir } from './fonts.ts';

export const pdfUnavailable = () =>
  conflict(
    'documents_pdf_unavailable',
    'เซิร์ฟเวอร์นี้ยังสร้างไฟล์ PDF ไม่ได้ (ต้องติดตั้ง LibreOffice) กรุณาดาวน์โหลดไฟล์ Word (DOCX) แทน',
    'This server cannot produce PDF files yet (LibreOffice is needed); please download the Word file (DOCX) instead',
  );

export const pdfFailed = () =>
  conflict(
    'documents_pdf_failed',
    'สร้างไฟล์ PDF ไม่สำเร็จในเวลาที่กำหนด กรุณาลองใหม่ หรือดาวน์โหลดไฟล์ Word (DOCX) แทน',
    'The PDF could not be made in time; please try again, or download the Word file (DOCX) instead',
  );

export interface PdfOptions {
  /** Give up (and kill LibreOffice) after this long. Default 60 s. */
  timeoutMs?: number;
  /** The soffice binary. Default `soffice` from PATH. */
  soffice?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** The PDF of a DOCX file. Conversions queue one behind the other. */
export function docxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  const job = queue.then(() => convert(docx, options));
  queue = job.catch(() => undefined);
  return job;
}

let profile: Promise<string> | null = null;

/** A LibreOffice profile and fontconfig file for this process, made once (LibreOffice's first start is slow). */
function profileDir(): Promise<string> {
  profile ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'prongsai-soffice-'));
    await mkdir(path.join(dir, 'fc-cache'), { recursive: true });
    const faces = ['400Regular', '700Bold'].map((f) => `  <dir>${path.join(sarabunDir, f)}</dir>`).join('\n');
    await writeFile(
      path.join(dir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${faces}\n` +
        `  <cachedir>${path.join(dir, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
    );
    return dir;
  })();
  return profile;
}

async function convert(docx: Buffer, options: PdfOptions): Promise<Buffer> {
  const home = await profileDir();
  const work = await mkdtemp(path.join(os.tmpdir(), 'prongsai-doc-'));
  try {
    const input = path.join(work, 'document.docx');
    await writeFile(input, docx);
    await run(
      options.soffice ?? 'soffice',
      [
        `-env:UserInstallation=file://${path.join(home, 'profile')}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        work,
        input,
      ],
      { ...process.env, FONTCONFIG_FILE: path.join(home, 'fonts.conf'), HOME: home },
      options.timeoutMs ?? 60_000,
    );
    return await readFile(path.join(work, 'document.pdf')).catch(() => {
      throw pdfFailed();
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends soffice and the soffice.bin it starts.
    const child = spawn(cmd, args, { env, stdio: 'ignore', detached: true });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(pdfFailed());
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? pdfUnavailable() : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      code === 0 ? resolve() : reject(pdfFailed());
    });
  });
}
