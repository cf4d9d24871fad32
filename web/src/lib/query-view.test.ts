import { describe, expect, it } from 'vitest';
import { queryView } from './query-view.ts';

const isEmpty = (d: { items: number[] }) => d.items.length === 0;

describe('queryView', () => {
  it('shows loading and nothing else while the first answer is on its way', () => {
    expect(queryView({ data: undefined, error: null, isLoading: true }, isEmpty)).toEqual({
      loading: true,
      error: null,
      content: { kind: 'none' },
    });
  });

  it('shows nothing for a query that is not running (disabled)', () => {
    expect(queryView({ data: undefined, error: null, isLoading: false }, isEmpty)).toEqual({
      loading: false,
      error: null,
      content: { kind: 'none' },
    });
  });

  it('shows the error of a failed first load, without content', () => {
    const error = new Error('down');
    expect(queryView({ data: undefined, error, isLoading: false }, isEmpty)).toEqual({
      loading: false,
      error,
      content: { kind: 'none' },
    });
  });

  it('keeps data already shown beside the error of a failed reload', () => {
    const error = new Error('down');
    const data = { items: [1] };
    expect(queryView({ data, error, isLoading: false }, isEmpty)).toEqual({
      loading: false,
      error,
      content: { kind: 'data', data },
    });
  });

  it('tells an empty answer from one with data', () => {
    expect(queryView({ data: { items: [] }, error: null, isLoading: false }, isEmpty).content.kind).toBe(
      'empty',
    );
    expect(queryView({ data: { items: [2] }, error: null, isLoading: false }, isEmpty).content.kind).toBe(
      'data',
    );
  });

  it('treats every answer as data when no emptiness rule is given', () => {
    expect(queryView({ data: { items: [] }, error: null, isLoading: false }).content.kind).toBe('data');
  });

  it('shows falsy answers (0, empty string, null) as data: only undefined means no answer', () => {
    expect(queryView({ data: 0, error: null, isLoading: false }).content).toEqual({ kind: 'data', data: 0 });
    expect(queryView({ data: null, error: null, isLoading: false }).content).toEqual({
      kind: 'data',
      data: null,
    });
  });
});
