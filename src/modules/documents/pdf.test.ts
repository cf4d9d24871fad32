import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { docxToPdf } from './pdf.ts';

describe('docxToPdf without a working LibreOffice', () => {
  it('answers documents_pdf_unavailable (a 409, not a 5xx) when soffice is not installed', async () => {
    const err = await docxToPdf(Buffer.from('PK'), { soffice: '/nonexistent/soffice' }).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'conflict', code: 'documents_pdf_unavailable' });
  });

  it('gives up after the time limit and kills the converter', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fake-soffice-'));
    const fake = path.join(dir, 'soffice');
    await writeFile(fake, '#!/bin/sh\nsleep 30\n');
    await chmod(fake, 0o755);
    const started = Date.now();
    const err = await docxToPdf(Buffer.from('PK'), { soffice: fake, timeoutMs: 300 }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'conflict', code: 'documents_pdf_failed' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a converter that fails as documents_pdf_failed', async () => {
    const err = await docxToPdf(Buffer.from('PK'), { soffice: '/bin/false' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'conflict', code: 'documents_pdf_failed' });
  });
});
