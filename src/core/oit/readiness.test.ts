import { describe, expect, it } from 'vitest';
import { miniFramework } from '../scoring/test-fixtures.ts';
import {
  itemEvidence,
  oitReadiness,
  type ReadinessAnswer,
  type UrlCheck,
  urlReachable,
} from './readiness.ts';

// miniFramework: OIT = indicator 4 with 4.1 (o1, o2) and 4.2 (o3; o4 applies to universities only).
const framework = miniFramework();
const ok: UrlCheck = { status: 'done', httpStatus: 200 };
const notFound: UrlCheck = { status: 'done', httpStatus: 404 };
const pending: UrlCheck = { status: 'pending', httpStatus: null };
const failed: UrlCheck = { status: 'failed', httpStatus: null };

const has = (url: string, state: ReadinessAnswer['state'] = 'draft'): ReadinessAnswer => ({
  state,
  has: true,
  urls: [url],
  explanation: 'เมนูหลัก > เกี่ยวกับเรา',
});
const checksOf = (entries: [code: string, url: string, check: UrlCheck][]) => {
  const m = new Map<string, Map<string, UrlCheck>>();
  for (const [code, url, check] of entries) m.set(code, new Map([...(m.get(code) ?? []), [url, check]]));
  return m;
};

describe('urlReachable and itemEvidence', () => {
  it('reads a 2xx answer as reachable, an error or failure as broken, an unchecked URL as unknown', () => {
    expect(urlReachable(ok)).toBe(true);
    expect(urlReachable(notFound)).toBe(false);
    expect(urlReachable(failed)).toBe(false);
    expect(urlReachable(pending)).toBeNull();
    expect(urlReachable(null)).toBeNull();
  });

  it('needs every URL of an item reachable; one broken URL makes it broken', () => {
    expect(itemEvidence([], {})).toBe('none');
    expect(itemEvidence(['a', 'b'], { a: ok, b: ok })).toBe('reachable');
    expect(itemEvidence(['a', 'b'], { a: ok, b: pending })).toBe('checking');
    expect(itemEvidence(['a', 'b'], { a: pending, b: notFound })).toBe('broken');
  });
});

describe('oitReadiness', () => {
  it('scores nothing but still lists every applicable item when nothing is answered', () => {
    const r = oitReadiness(framework, 'sao', new Map(), new Map());
    expect(r.items.map((i) => i.code)).toEqual(['o1', 'o2', 'o3']);
    expect(r).toMatchObject({ total: 3, answered: 0, approved: 0, evidenceReachable: 0 });
    expect(r.wouldBe).toEqual({ instrument: 'OIT', score: 0 });
  });

  it('passes "has" items with reachable evidence and fails the rest, through the engine', () => {
    const answers = new Map<string, ReadinessAnswer>([
      ['o1', has('https://a.go.th/1', 'approved')],
      ['o2', has('https://a.go.th/2', 'submitted')],
      ['o3', { state: 'draft', has: false, urls: [], explanation: null }],
    ]);
    const checks = checksOf([
      ['o1', 'https://a.go.th/1', ok],
      ['o2', 'https://a.go.th/2', notFound],
    ]);
    const r = oitReadiness(framework, 'sao', answers, checks);
    expect(r.items.map((i) => [i.code, i.evidence, i.wouldPass])).toEqual([
      ['o1', 'reachable', true],
      ['o2', 'broken', false],
      ['o3', 'none', false],
    ]);
    expect(r).toMatchObject({ total: 3, answered: 3, approved: 1, evidenceReachable: 1 });
    // 4.1 = mean(100, 0) = 50; 4.2 = 0; indicator 4 = mean(50, 0) = 25 = the OIT score.
    expect(r.subIndicators).toEqual([
      {
        code: '4.1',
        indicator: '4',
        total: 2,
        answered: 2,
        approved: 1,
        evidenceReachable: 1,
        wouldBeScore: 50,
      },
      {
        code: '4.2',
        indicator: '4',
        total: 1,
        answered: 1,
        approved: 0,
        evidenceReachable: 0,
        wouldBeScore: 0,
      },
    ]);
    expect(r.wouldBe).toEqual({ instrument: 'OIT', score: 25 });
  });

  it('scores 100 when every applicable item has reachable evidence, and counts the items of the agency type', () => {
    const answers = new Map(['o1', 'o2', 'o3', 'o4'].map((c) => [c, has(`https://a.go.th/${c}`)]));
    const checks = checksOf(['o1', 'o2', 'o3', 'o4'].map((c) => [c, `https://a.go.th/${c}`, ok]));
    expect(oitReadiness(framework, 'sao', answers, checks)).toMatchObject({
      total: 3,
      wouldBe: { score: 100 },
    });
    const university = oitReadiness(framework, 'university', answers, checks);
    expect(university.total).toBe(4);
    expect(university.wouldBe?.score).toBe(100);
  });

  it('does not pass an item whose evidence is still being checked; an explanation is not needed to pass', () => {
    const answers = new Map<string, ReadinessAnswer>([
      ['o1', has('https://a.go.th/1')],
      ['o2', { state: 'draft', has: true, urls: ['https://a.go.th/2'], explanation: null }],
    ]);
    const checks = checksOf([
      ['o1', 'https://a.go.th/1', pending],
      ['o2', 'https://a.go.th/2', ok],
    ]);
    const r = oitReadiness(framework, 'sao', answers, checks);
    expect(r.items.map((i) => [i.code, i.answered, i.evidence, i.wouldPass])).toEqual([
      ['o1', true, 'checking', false],
      ['o2', false, 'reachable', true],
      ['o3', false, 'none', false],
    ]);
  });
});
