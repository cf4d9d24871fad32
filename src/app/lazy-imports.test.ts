// What the server loads before it answers (issue 13 §5: healthy in ≤ 3 s): the packages that only some requests
// need — spreadsheets, PDFs and QR codes, Word documents, the PDF reader's worker pool, Redis, SMTP, the other
// database driver — are loaded with `await import()` where first used, never by a static import reachable from
// src/server.ts. Type-only imports are erased and do not count.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../test/helpers/static-imports.ts';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded on first use only; each costs 40–350 ms of CPU at start (measured with `node -e "import(…)"`). */
const LOADED_WHEN_USED = [
  'exceljs',
  'pdfkit',
  'qrcode',
  'docx',
  'unpdf',
  'piscina',
  'ioredis',
  'nodemailer',
  'pg',
  'drizzle-orm/node-postgres',
  'drizzle-orm/node-postgres/migrator',
];

describe('the server loads heavy packages when first used', () => {
  it('no static import reachable from src/server.ts loads one of them', () => {
    const { files, packages } = staticGraph(path.join(src, 'server.ts'), src);
    const offending = packages
      .filter(([, spec]) => LOADED_WHEN_USED.includes(spec))
      .map(([file, spec]) => `${file} → ${spec}`);
    expect(offending).toEqual([]);
    // The files that use them are reached, so the rule is checked where it matters.
    expect(files).toEqual(
      expect.arrayContaining([
        'modules/results/report.xlsx.ts',
        'modules/iit-access/pdf-kit.ts',
        'modules/evidence/pdf-text.ts',
        'modules/rate-limits/http-store.ts',
        'modules/auth/mailer.ts',
        'db/client.ts',
      ]),
    );
  });
});
