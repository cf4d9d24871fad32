// The name an uploaded evidence file is kept and served under (issue 12 §2). The client's name is kept as
// far as it is safe — Thai letters included — but never a path, control or direction-override characters,
// characters Windows refuses in file names, or an extension other than the type read from its bytes: a
// file called "report.exe" whose bytes are a PDF is served as "report.exe.pdf".
import { MEASURE_EVIDENCE_NAME_MAX_LENGTH } from '../../shared/limits.ts';

// C0/C1 controls, bidi overrides and isolates (they can disguise an extension), zero-width characters,
// and halves of surrogate pairs without their other half (no database stores them).
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Reserved on Windows (and the quote and percent that confuse header parsers).
const RESERVED = /[<>:"|?*%\\/]/g;

/** The client's file name as one safe segment (also how an error message names a refused file). */
export function safeBaseName(clientName: string): string {
  // A browser may send a full path (old IE) or a path-like name: keep the last segment.
  const base = clientName.split(/[\\/]/).at(-1) ?? '';
  const safe = base.replace(UNSAFE, '').normalize('NFC').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  const points = [...safe];
  return points.length > MEASURE_EVIDENCE_NAME_MAX_LENGTH
    ? points.slice(0, MEASURE_EVIDENCE_NAME_MAX_LENGTH).join('')
    : safe;
}

/** The stored and served name of an evidence file whose bytes are of type `ext` (lowercase, no dot). */
export function evidenceFileName(clientName: string, ext: string): string {
  let stem = safeBaseName(clientName);
  const dot = stem.lastIndexOf('.');
  if (dot > 0 && normalExt(stem.slice(dot + 1)) === ext) stem = stem.slice(0, dot);
  // No leading dots (hidden files) nor trailing dots and spaces (Windows drops them).
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const room = MEASURE_EVIDENCE_NAME_MAX_LENGTH - ext.length - 1;
  // Cut by code points so a Thai character is never split in half.
  const points = [...stem];
  if (points.length > room)
    stem = points
      .slice(0, room)
      .join('')
      .replace(/[.\s]+$/, '');
  return `${stem || 'evidence'}.${ext}`;
}

/** "JPEG" and "jpeg" name the same type as "jpg". */
const normalExt = (e: string) => {
  const lower = e.toLowerCase();
  return lower === 'jpeg' ? 'jpg' : lower;
};

/**
 * The plain-ASCII name for old clients that read only `filename=` (RFC 6266 fallback); modern browsers use
 * the UTF-8 `filename*` and keep the Thai name.
 */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .replace(/[^\x20-\x7e]+/g, '')
    .replace(/[\\"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const plain = /[A-Za-z0-9]/.test(stem) ? stem : 'evidence';
  return ext ? `${plain}.${ext}` : plain;
}
