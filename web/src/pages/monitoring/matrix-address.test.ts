import { describe, expect, it } from 'vitest';
import type { RollupBy } from '../../api/monitoring.ts';
import { drillDownHref, matrixFiltersOf } from './matrix-address.ts';

/** What the matrix reads from a link: its path and filters. */
function follow(href: string) {
  const url = new URL(href, 'https://prongsai.test');
  return {
    path: url.pathname,
    view: url.searchParams.get('view'),
    filters: matrixFiltersOf(url.searchParams),
  };
}

const unset = {
  province: undefined,
  ministry: undefined,
  type: undefined,
  stage: undefined,
  state: undefined,
  behind: undefined,
  q: undefined,
  sort: undefined,
  dir: undefined,
};

describe('drillDownHref', () => {
  it.each<[RollupBy, string, string]>([
    ['ministry', 'M-IN', 'ministry'],
    ['type', 'subdistrict_municipality', 'type'],
    ['province', 'TH-10', 'province'],
  ])('leads a %s group to the matrix filtered to it, and nothing else', (by, key, filter) => {
    expect(follow(drillDownHref(2568, by, key))).toEqual({
      path: '/monitoring/2568',
      view: null, // the matrix tab, not the roll-up
      filters: { ...unset, [filter]: key },
    });
  });

  it('keeps a key with characters an address must escape whole', () => {
    const key = 'กระทรวง ก&ข=1?#';
    expect(follow(drillDownHref(2567, 'ministry', key)).filters.ministry).toBe(key);
  });
});

describe('matrixFiltersOf', () => {
  it('reads the filters and sort, an empty parameter as not set', () => {
    expect(matrixFiltersOf(new URLSearchParams('province=TH-10&stage=&sort=name&dir=desc&page=2'))).toEqual({
      ...unset,
      province: 'TH-10',
      sort: 'name',
      dir: 'desc',
    });
  });
});
