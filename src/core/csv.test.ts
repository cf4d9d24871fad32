import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from './csv.ts';

describe('RFC 4180 CSV', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('กรม ก')).toBe('กรม ก');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(86.25)).toBe('86.25');
    expect(csvField(true)).toBe('true');
  });

  it('round-trips any text through csv-parse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const file = toCsv(['a', 'b'], rows);
          expect(file.startsWith(UTF8_BOM)).toBe(true);
          expect(parse(file, { bom: true, relax_column_count: false })).toEqual([['a', 'b'], ...rows]);
        },
      ),
    );
  });
});
