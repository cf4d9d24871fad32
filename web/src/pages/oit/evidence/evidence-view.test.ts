import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../../../api/evidence.ts';
import { copyDisplay, errorMessage, formatBytes, statusPerUrl } from './evidence-view.ts';

let n = 0;
function snap(o: Partial<SnapshotSummary>): SnapshotSummary {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    itemCode: 'o1',
    url: 'https://a.go.th/x',
    purpose: 'saved',
    status: 'done',
    verdict: 'reachable',
    httpStatus: 200,
    finalUrl: 'https://a.go.th/x',
    contentType: 'text/html',
    sizeBytes: 10,
    truncated: false,
    title: null,
    sha256: null,
    mentionsYear: true,
    onMainDomain: true,
    requestedAt: '2025-03-01T03:00:00.000Z',
    fetchedAt: '2025-03-01T03:00:05.000Z',
    lastError: null,
    attempts: 1,
    hasBody: true,
    ...o,
  };
}

describe('statusPerUrl', () => {
  it('shows the newest finished check per URL and says when a newer one is under way', () => {
    const old = snap({ requestedAt: '2025-03-01T03:00:00.000Z', verdict: 'broken', httpStatus: 404 });
    const done = snap({ requestedAt: '2025-03-02T03:00:00.000Z' });
    const waiting = snap({ requestedAt: '2025-03-03T03:00:00.000Z', verdict: 'pending', status: 'pending' });
    const other = snap({ url: 'https://a.go.th/y', verdict: 'pending', status: 'pending' });
    expect(statusPerUrl([waiting, old, other, done])).toEqual([
      { url: 'https://a.go.th/x', current: done, rechecking: true },
      { url: 'https://a.go.th/y', current: other, rechecking: false },
    ]);
  });
});

describe('errorMessage', () => {
  it('names HTTP errors with their status, known codes by key, and anything else as is', () => {
    expect(errorMessage('http_503')).toEqual({ key: 'evidence.error.http', values: { status: '503' } });
    expect(errorMessage('refused_address')).toEqual({ key: 'evidence.error.refused_address' });
    expect(errorMessage('weird')).toEqual({ key: 'evidence.error.other', values: { code: 'weird' } });
  });
});

describe('copyDisplay', () => {
  it('frames pages and images, downloads PDFs, and has nothing without a kept copy', () => {
    expect(copyDisplay({ hasBody: true, contentType: 'text/html; charset=TIS-620' })).toBe('frame');
    expect(copyDisplay({ hasBody: true, contentType: 'image/png' })).toBe('frame');
    expect(copyDisplay({ hasBody: true, contentType: 'Application/PDF; name=plan.pdf' })).toBe('download');
    expect(copyDisplay({ hasBody: false, contentType: 'text/html' })).toBe('none');
  });
});

describe('formatBytes', () => {
  it('reads as B, KB or MB', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5_000_000)]).toEqual([
      '512 B',
      '2.0 KB',
      '4.8 MB',
    ]);
  });
});
