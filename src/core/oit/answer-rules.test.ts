import { describe, expect, it } from 'vitest';
import { OIT_EXPLANATION_MAX_LENGTH, OIT_URL_MAX_LENGTH, OIT_URLS_MAX } from '../../shared/limits.ts';
import { answerProblems, isAnswered, normalizeAnswer, onMainDomain, urlWarnings } from './answer-rules.ts';

const codesOf = (urls: string[], explanation: string | null = null) =>
  answerProblems(normalizeAnswer({ has: true, urls, explanation })).map((p) => p.code);

describe('normalizeAnswer', () => {
  it('trims, drops empty URL fields, keeps each URL once and stores an empty explanation as null', () => {
    expect(
      normalizeAnswer({
        has: true,
        urls: [' https://a.go.th/x ', '', '  ', 'https://a.go.th/x', 'https://a.go.th/y'],
        explanation: '   ',
      }),
    ).toEqual({ has: true, urls: ['https://a.go.th/x', 'https://a.go.th/y'], explanation: null });
  });
});

describe('answerProblems', () => {
  it('accepts absolute http and https URLs, Thai paths included', () => {
    expect(codesOf(['https://www.a.go.th/ข่าว/โครงสร้าง', 'http://a.go.th:8080/p?q=1#top'])).toEqual([]);
  });

  it('refuses addresses that are not complete web URLs, naming each', () => {
    const problems = answerProblems(
      normalizeAnswer({
        has: true,
        urls: [
          'www.a.go.th/x',
          'https:a.go.th',
          'ftp://a.go.th/f',
          'javascript:alert(1)',
          'https://u:p@a.go.th/',
        ],
        explanation: null,
      }),
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['urls.0', 'url_not_absolute'],
      ['urls.1', 'url_not_absolute'],
      ['urls.2', 'url_not_http'],
      ['urls.3', 'url_not_absolute'],
      ['urls.4', 'url_credentials'],
    ]);
    expect(problems[0]?.th).toContain('https://');
    expect(problems[0]?.en).toContain('www.a.go.th/x');
  });

  it('enforces the number of URLs, their length and the explanation length', () => {
    const many = Array.from({ length: OIT_URLS_MAX + 1 }, (_, i) => `https://a.go.th/${i}`);
    expect(codesOf(many)).toEqual(['too_many_urls']);
    expect(codesOf([`https://a.go.th/${'x'.repeat(OIT_URL_MAX_LENGTH)}`])).toEqual(['url_too_long']);
    expect(codesOf([], 'ก'.repeat(OIT_EXPLANATION_MAX_LENGTH))).toEqual([]);
    expect(codesOf([], 'ก'.repeat(OIT_EXPLANATION_MAX_LENGTH + 1))).toEqual(['explanation_too_long']);
  });
});

describe('isAnswered', () => {
  it('counts "hasn\'t", and "has" with a URL and an explanation', () => {
    expect(isAnswered({ has: false, urls: [], explanation: null })).toBe(true);
    expect(isAnswered({ has: true, urls: ['https://a.go.th'], explanation: 'เมนูเกี่ยวกับเรา' })).toBe(true);
  });

  it('does not count an undecided answer, or "has" without a URL or an explanation', () => {
    expect(isAnswered({ has: null, urls: ['https://a.go.th'], explanation: 'x' })).toBe(false);
    expect(isAnswered({ has: true, urls: [], explanation: 'x' })).toBe(false);
    expect(isAnswered({ has: true, urls: ['https://a.go.th'], explanation: '  ' })).toBe(false);
  });
});

describe('onMainDomain and urlWarnings', () => {
  const site = 'https://www.a.go.th/';

  it('treats the host, with or without www, and its subdomains as the main website', () => {
    expect(onMainDomain('http://a.go.th/x', site)).toBe(true);
    expect(onMainDomain('https://WWW.A.GO.TH/x', site)).toBe(true);
    expect(onMainDomain('https://eservice.a.go.th/', site)).toBe(true);
    expect(onMainDomain('https://notaa.go.th/', site)).toBe(false);
    expect(onMainDomain('https://facebook.com/a', site)).toBe(false);
    expect(onMainDomain('https://a.go.th/', null)).toBeNull();
  });

  it('warns only for items that must be on the main website', () => {
    expect(urlWarnings('https://facebook.com/a', site, true)).toEqual(['not_main_domain']);
    expect(urlWarnings('https://facebook.com/a', site, false)).toEqual([]);
    expect(urlWarnings('https://a.go.th/x', site, true)).toEqual([]);
    expect(urlWarnings('https://a.go.th/x', null, true)).toEqual(['main_website_unknown']);
  });
});
