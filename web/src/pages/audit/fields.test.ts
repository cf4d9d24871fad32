import { describe, expect, it } from 'vitest';
import { fieldName, fieldRows, valueText } from './fields.ts';

describe('fieldRows', () => {
  it('lists every field of before and after, changed first, nested paths flattened', () => {
    const rows = fieldRows(
      { state: 'draft', url: 'https://a.example', scope: { provinces: ['10', '11'] } },
      { state: 'submitted', url: 'https://a.example', scope: { provinces: ['10'] }, submittedBy: 'u1' },
      'th',
    );
    expect(rows).toEqual([
      { path: ['state'], before: 'draft', after: 'submitted', changed: true },
      { path: ['scope', 'provinces'], before: '10, 11', after: '10', changed: true },
      { path: ['submittedBy'], before: null, after: 'u1', changed: true },
      { path: ['url'], before: 'https://a.example', after: 'https://a.example', changed: false },
    ]);
  });

  it('handles a value that is not an object, and nothing at all', () => {
    expect(fieldRows(null, 'x', 'en')).toEqual([{ path: [], before: null, after: 'x', changed: true }]);
    expect(fieldRows(null, null, 'en')).toEqual([{ path: [], before: null, after: null, changed: false }]);
  });

  it('says values in words, never as JSON', () => {
    expect(valueText(true, 'th')).toBe('ใช่');
    expect(valueText(false, 'en')).toBe('no');
    expect(valueText([], 'en')).toBeNull();
    expect(valueText([{ code: 'O1', ok: true }], 'en')).toBe('code: O1; ok: yes');
    expect(fieldName('reviewReason')).toBe('review reason');
    expect(fieldName('tokens_required')).toBe('tokens required');
  });
});
