// Pure helpers of the evidence components: which snapshot to show per URL, colours, error texts, and whether
// a kept copy can be shown in a sandboxed frame.
import { keptCopyDisplay } from '@server/core/oit/evidence-text.ts';
import type { EvidenceVerdict, SnapshotSummary } from '../../../api/evidence.ts';

export interface UrlStatus {
  url: string;
  /** The newest finished check, or the queued one when the URL was never checked. */
  current: SnapshotSummary;
  /** A newer check is waiting or running (the current result may change). */
  rechecking: boolean;
}

const newestFirst = (a: SnapshotSummary, b: SnapshotSummary) =>
  b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id);

/** One line per URL, in the order the URLs first appear; snapshots may come in any order. */
export function statusPerUrl(snapshots: readonly SnapshotSummary[]): UrlStatus[] {
  const byUrl = new Map<string, SnapshotSummary[]>();
  for (const s of snapshots) byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s]);
  return [...byUrl.entries()].map(([url, list]) => {
    const sorted = [...list].sort(newestFirst);
    const newest = sorted[0] as SnapshotSummary;
    const finished = sorted.find((s) => s.verdict !== 'pending');
    return {
      url,
      current: finished ?? newest,
      rechecking: finished !== undefined && newest.verdict === 'pending',
    };
  });
}

export const VERDICT_COLORS: Record<EvidenceVerdict, string> = {
  reachable: 'green',
  broken: 'red',
  failed: 'red',
  pending: 'gray',
};

const KNOWN_ERRORS = new Set([
  'refused_address',
  'unsupported_scheme',
  'invalid_url',
  'too_many_redirects',
  'host_not_found',
  'tls_error',
  'timeout',
  'dns_error',
  'connection_failed',
  'gave_up',
  'internal_error',
]);

/** The i18n key and values for a snapshot's error code ('http_503' → an HTTP error with its status). */
export function errorMessage(code: string): { key: string; values?: Record<string, string> } {
  const http = /^http_(\d{3})$/.exec(code);
  if (http) return { key: 'evidence.error.http', values: { status: http[1] as string } };
  if (KNOWN_ERRORS.has(code)) return { key: `evidence.error.${code}` };
  return { key: 'evidence.error.other', values: { code } };
}

/** How a kept copy can be shown (`keptCopyDisplay`, the rule the server follows too), or none is kept. */
export function copyDisplay(
  s: Pick<SnapshotSummary, 'hasBody' | 'contentType'>,
): ReturnType<typeof keptCopyDisplay> | 'none' {
  return s.hasBody ? keptCopyDisplay(s.contentType) : 'none';
}

/** "12.3 KB" style sizes. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
