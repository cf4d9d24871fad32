import { describe, expect, it } from 'vitest';
import { pageCount, pageOf, withChanges } from './list-params.ts';

const params = (s: string) => new URLSearchParams(s);

describe('withChanges', () => {
  it('sets a filter and goes back to the first page', () => {
    expect(withChanges(params('province=10&page=3'), { type: 'municipal' }).toString()).toBe(
      'province=10&type=municipal',
    );
  });

  it('removes a filter given as an empty string', () => {
    expect(withChanges(params('province=10&type=municipal'), { province: '' }).toString()).toBe(
      'type=municipal',
    );
  });

  it('keeps the filters when only the page changes', () => {
    expect(withChanges(params('q=school&page=2'), { page: '3' }).toString()).toBe('q=school&page=3');
  });

  it('does not change the parameters it was given', () => {
    const before = params('q=a&page=2');
    withChanges(before, { q: 'b' });
    expect(before.toString()).toBe('q=a&page=2');
  });
});

describe('pageOf', () => {
  it('reads the page asked for', () => {
    expect(pageOf(params('page=4'))).toBe(4);
  });

  it.each(['', 'page=0', 'page=-2', 'page=abc', 'page=1.5', 'page='])(
    'falls back to page 1 for "%s"',
    (s) => {
      expect(pageOf(params(s))).toBe(1);
    },
  );
});

describe('pageCount', () => {
  it('rounds up to whole pages', () => {
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(40, 20)).toBe(2);
  });

  it('is one page when nothing was found', () => {
    expect(pageCount(0, 20)).toBe(1);
  });
});
