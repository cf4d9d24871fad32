// From a fetched page to what a snapshot records: the facts (title, fiscal-year mention, main domain) and
// the body to keep (gzip; only pages, PDFs, images and text — other files are recorded by size and hash).
// A PDF's text is read in a worker thread (pdf-text.ts); one cut at the size cap cannot be read.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  mediaTypeOf,
  onMainDomain,
  type PageFacts,
  pageFacts,
  pdfFacts,
} from '../../core/oit/evidence-text.ts';
import type { FetchedPage } from './evidence.fetcher.ts';
import { readPdfText } from './pdf-text.ts';

const gzipAsync = promisify(gzip);

/**
 * Types worth keeping as the original evidence and safe to show back (served sandboxed, see the routes).
 * SVG is left out: it is a script-capable document dressed as an image.
 */
export function isStorableType(contentType: string | null): boolean {
  const type = mediaTypeOf(contentType);
  if (!type) return false;
  if (type === 'image/svg+xml') return false;
  return (
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    type === 'application/pdf' ||
    type.startsWith('image/') ||
    type.startsWith('text/')
  );
}

/** The gzip body to store, or null when the type is not kept (or the body is empty). */
export async function storableBody(page: Pick<FetchedPage, 'contentType' | 'body'>): Promise<Buffer | null> {
  if (!isStorableType(page.contentType) || page.body.length === 0) return null;
  return gzipAsync(page.body);
}

export interface SnapshotFacts {
  title: string | null;
  mentionsYear: boolean | null;
  onMainDomain: boolean | null;
}

/**
 * On the main domain when both the URL the agency gave and the page it led to are: a short link on the
 * agency's site that lands on a file-sharing service is not published on the agency's website.
 */
export async function snapshotFacts(
  page: Pick<FetchedPage, 'body' | 'contentType' | 'finalUrl' | 'httpStatus' | 'truncated'>,
  job: { url: string; year: number; website: string | null },
): Promise<SnapshotFacts> {
  const facts = await contentFacts(page, job.year);
  return { ...facts, onMainDomain: mainDomain(job.url, page.finalUrl, job.website) };
}

async function contentFacts(
  page: Pick<FetchedPage, 'body' | 'contentType' | 'httpStatus' | 'truncated'>,
  year: number,
): Promise<PageFacts> {
  if (page.httpStatus < 200 || page.httpStatus >= 300) return { title: null, mentionsYear: null };
  if (mediaTypeOf(page.contentType) === 'application/pdf')
    return pdfFacts(page.truncated ? null : await readPdfText(page.body), year);
  return pageFacts(page.body, page.contentType, year);
}

export function mainDomain(url: string, finalUrl: string | null, website: string | null): boolean | null {
  const given = onMainDomain(url, website);
  if (given === null || !finalUrl) return given;
  return given && onMainDomain(finalUrl, website) === true;
}
