import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText } from './text.ts';

describe('isStorableText', () => {
  it('accepts Thai, emoji (surrogate pairs) and control characters other than NUL', () => {
    expect(isStorableText('องค์การบริหารส่วนตำบล 😀 \t\n\u001f\uffff')).toBe(true);
  });

  it('refuses NUL and lone surrogates wherever they are', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', 'ok\ud83d']) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('is true exactly when the UTF-8 round trip keeps the string and it holds no NUL', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (a, b) => {
          for (const s of [a, b]) {
            const roundTrip = new TextDecoder().decode(new TextEncoder().encode(s)) === s;
            expect(isStorableText(s)).toBe(roundTrip && !s.includes('\u0000'));
          }
        },
      ),
    );
  });
});

describe('findUnstorableText', () => {
  it('names the first bad string or key in nested objects and arrays', () => {
    expect(findUnstorableText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('body.a.1.c');
    expect(findUnstorableText({ ['k\u0000']: 1 }, 'query')).toBe('query.k?');
    expect(findUnstorableText('\ud800', 'params.id')).toBe('params.id');
    expect(findUnstorableText({ a: 1, b: [true, null, 'fine'] }, 'body')).toBeNull();
    // Query-string parsers return objects whose prototype has no prototype.
    const query = Object.create(Object.create(null)) as Record<string, string>;
    query.x = '\u0000';
    expect(findUnstorableText(query, 'query')).toBe('query.x');
    expect(findUnstorableText(Object.assign(Object.create(null), { y: 'a\u0000' }), 'q')).toBe('q.y');
  });

  it('leaves buffers and class instances to their parsers and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'file.csv', data: Buffer.from([0]) };
    cyclic.self = cyclic;
    expect(findUnstorableText(cyclic, 'body')).toBeNull();
    expect(findUnstorableText({ d: new Date(), m: new Map([['\u0000', 1]]) }, 'body')).toBeNull();
  });

  it('refuses values nested beyond any schema', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(findUnstorableText(deep, 'body')).not.toBeNull();
  });
});
