// Sarabun (OFL, package @expo-google-fonts/sarabun): embedded in every DOCX so Word draws the document as
// designed on a computer without it, and handed to LibreOffice through a private fontconfig file when
// converting to PDF (so the server needs no system-wide font install).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SARABUN = 'Sarabun';

export const sarabunDir = path.dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);

let cached: { regular: Buffer; bold: Buffer } | null = null;

/** Sarabun Regular and Bold, read once. */
export function sarabunFaces(): { regular: Buffer; bold: Buffer } {
  cached ??= {
    regular: readFileSync(path.join(sarabunDir, '400Regular/Sarabun_400Regular.ttf')),
    bold: readFileSync(path.join(sarabunDir, '700Bold/Sarabun_700Bold.ttf')),
  };
  return cached;
}
