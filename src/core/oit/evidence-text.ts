// What an evidence page says, read without I/O: its text (decoded with the right charset — Thai sites use
// UTF-8 or TIS-620/windows-874), its <title>, whether it mentions the fiscal year, and whether a URL lies on
// the agency's main website.

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** WHATWG labels of the Thai single-byte encoding (TIS-620 is a subset of windows-874). */
const THAI_CHARSETS = new Set([
  'tis-620',
  'tis620',
  'iso-8859-11',
  'iso8859-11',
  'windows-874',
  'cp874',
  'x-cp874',
]);

/** The charset parameter of a Content-Type header, lower case, or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The media type of a Content-Type header without parameters, lower case ('text/html'), or null. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return essence ? essence : null;
}

/**
 * How a kept copy of evidence is handed to a reader: pages, text and images shown under a sandbox (framed, or
 * opened in a tab); a PDF downloaded, because browsers will not run their PDF viewer under a sandbox
 * (Chromium blocks it outright). The server sets Content-Disposition from it, the web app its links.
 */
export function keptCopyDisplay(contentType: string | null | undefined): 'frame' | 'download' {
  return mediaTypeOf(contentType) === 'application/pdf' ? 'download' : 'frame';
}

/** A `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KB. */
function metaCharset(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?([a-z0-9_:.-]+)/i.exec(head);
  return direct?.[1] ? direct[1].toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  const normalized = THAI_CHARSETS.has(label) ? 'windows-874' : label;
  try {
    return new TextDecoder(normalized);
  } catch {
    return null; // an unknown label: fall through to the next guess
  }
}

/**
 * The page as text: the header's charset, else the page's <meta> charset, else UTF-8 if the bytes are valid
 * UTF-8, else windows-874 (the usual legacy encoding of Thai pages that declare nothing).
 */
export function decodePage(body: Uint8Array, contentType: string | null | undefined): string {
  const declared =
    charsetOf(contentType) ?? metaCharset(new TextDecoder('latin1').decode(body.subarray(0, 4096)));
  const decoder = declared ? decoderFor(declared) : null;
  if (decoder) return decoder.decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-874').decode(body);
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export const TITLE_MAX_LENGTH = 500;

/** The page's <title>, entities decoded and whitespace collapsed; null when there is none or it is empty. */
export function extractTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = m?.[1] ? squash(decodeEntities(m[1])) : '';
  return title ? title.slice(0, TITLE_MAX_LENGTH) : null;
}

/** The readable text of an HTML page: scripts, styles, comments and tags removed, entities decoded. */
export function htmlText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return squash(decodeEntities(stripped));
}

/** A year written in Thai digits: 2568 → ๒๕๖๘. */
export function thaiDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => THAI_DIGITS[Number(d)] as string);
}

/**
 * Does the text mention the fiscal year, in full Buddhist-era form, in Arabic (2568) or Thai (๒๕๖๘) digits,
 * standing alone (not inside a longer number)? The Gregorian year (2025) does not count: the framework asks
 * for the Thai fiscal year, and "2025" appears on pages for many other reasons (copyright lines, dates).
 */
export function mentionsFiscalYear(text: string, beYear: number): boolean {
  const digit = `0-9${THAI_DIGITS}`;
  const year = `(?:${beYear}|${thaiDigits(beYear)})`;
  return new RegExp(`(?<![${digit}])${year}(?![${digit}])`, 'u').test(text);
}

/** A host name without its port, brackets, trailing dot and a leading "www.". */
function baseHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/**
 * Is `url` on the agency's main website: the website's host (without "www.") or a subdomain of it? Null when
 * the agency has no website on record or either value is not a URL.
 */
export function onMainDomain(url: string, website: string | null | undefined): boolean | null {
  if (!website) return null;
  let page: URL;
  let site: URL;
  try {
    page = new URL(url);
    site = new URL(website);
  } catch {
    return null;
  }
  const host = baseHost(page.hostname);
  const main = baseHost(site.hostname);
  if (!main) return null;
  return host === main || host.endsWith(`.${main}`);
}

/** What the checker records of a fetched page, from its bytes and headers. */
export interface PageFacts {
  title: string | null;
  /** null when the page is not text (PDF, image, other): nothing to read. */
  mentionsYear: boolean | null;
}

/** What could be read of a PDF: its title (document properties) and the text of its first pages. */
export interface PdfText {
  pages: number;
  title: string | null;
  text: string;
}

/**
 * The facts of a PDF from its text. A PDF without text (a scan) cannot say whether it names the year: null,
 * unless its title does. `extracted` null: the PDF could not be read.
 */
export function pdfFacts(extracted: PdfText | null, beYear: number): PageFacts {
  if (!extracted) return { title: null, mentionsYear: null };
  const title = squash(extracted.title ?? '').slice(0, TITLE_MAX_LENGTH) || null;
  const inTitle = title !== null && mentionsFiscalYear(title, beYear);
  if (extracted.text.trim() === '') return { title, mentionsYear: inTitle ? true : null };
  return { title, mentionsYear: inTitle || mentionsFiscalYear(extracted.text, beYear) };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function pageFacts(body: Uint8Array, contentType: string | null, beYear: number): PageFacts {
  const type = mediaTypeOf(contentType);
  if (type && HTML_TYPES.has(type)) {
    const html = decodePage(body, contentType);
    const title = extractTitle(html);
    // The title counts as page text: many pages name the year only there.
    return { title, mentionsYear: mentionsFiscalYear(`${title ?? ''} ${htmlText(html)}`, beYear) };
  }
  if (type === 'text/plain' || type === 'text/csv')
    return { title: null, mentionsYear: mentionsFiscalYear(decodePage(body, contentType), beYear) };
  return { title: null, mentionsYear: null };
}
