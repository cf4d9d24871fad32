import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue, toJsonValue } from './canonical-json.ts';

/** The same object with its keys inserted in reverse order, at every depth. */
function reverseKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(value).reverse())
    Object.defineProperty(out, k, { value: reverseKeys(value[k] as JsonValue), enumerable: true });
  return out;
}

const json = fc.jsonValue().map((v) => toJsonValue(v));

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('writes Thai text as itself', () => {
    expect(canonicalJson({ ชื่อ: 'สำนักงาน ป.ป.ช.', ก่อน: 'ข้อ ๑' })).toBe('{"ก่อน":"ข้อ ๑","ชื่อ":"สำนักงาน ป.ป.ช."}');
  });

  it('writes numbers the way ECMAScript writes a double', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 1e-7, 0.1 + 0.2, 100])).toBe(
      '[1,1.5,0,1e+21,1e-7,0.30000000000000004,100]',
    );
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses values that JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError);
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(fc.property(json, (v) => canonicalJson(reverseKeys(v)) === canonicalJson(v)));
  });

  it('reads back as the same value and is a fixed point', () => {
    fc.assert(
      fc.property(json, (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('gives different text for different values', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        fc.pre(JSON.stringify(toJsonValue(a)) !== JSON.stringify(toJsonValue(b)));
        // Same canonical text ⇒ deep-equal values; so unequal values must differ.
        if (canonicalJson(a) === canonicalJson(b)) expect(a).toEqual(b);
      }),
    );
  });
});

describe('toJsonValue', () => {
  it('turns dates into ISO strings and drops undefined members', () => {
    expect(toJsonValue({ at: new Date('2025-03-01T03:00:00.123Z'), gone: undefined, n: null })).toEqual({
      at: '2025-03-01T03:00:00.123Z',
      n: null,
    });
  });

  it('gives null for undefined and for non-finite numbers', () => {
    expect(toJsonValue(undefined)).toBeNull();
    expect(toJsonValue({ x: Number.NaN })).toEqual({ x: null });
  });

  it('replaces NUL and lone surrogates, which jsonb refuses, in strings and keys', () => {
    expect(toJsonValue({ 'a\u0000': 'x\u0000y', s: '\ud800z', pair: '😀' })).toEqual({
      'a\ufffd': 'x\ufffdy',
      s: '\ufffdz',
      pair: '😀',
    });
  });

  it('keeps a member named __proto__ as a member', () => {
    const v = toJsonValue(JSON.parse('{"__proto__":{"x":1}}')) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(canonicalJson(v)).toBe('{"__proto__":{"x":1}}');
  });
});
