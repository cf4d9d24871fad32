import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientKey, networkPrefix } from './client-address.ts';

const hex16 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.array(hex16, { minLength: 8, maxLength: 8 });

describe('clientKey', () => {
  it('is an IPv4 address itself, and an IPv6 address its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
  });

  it('gives every address of one IPv6 /64 the same key, and different /64s different keys', () => {
    fc.assert(
      fc.property(ipv6, ipv6, (a, b) => {
        const sameNet = [...a.slice(0, 4), ...b.slice(4)];
        expect(clientKey(sameNet.join(':'))).toBe(clientKey(a.join(':')));
        const differs = a
          .slice(0, 4)
          .some((g, i) => Number.parseInt(g, 16) !== Number.parseInt(b[i] ?? '', 16));
        if (differs) expect(clientKey(b.join(':'))).not.toBe(clientKey(a.join(':')));
      }),
    );
  });
});

describe('networkPrefix', () => {
  it('puts every address of one IPv4 /24 in one network', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)),
        fc.nat(255),
        fc.nat(255),
        ([x, y, z], h1, h2) => {
          expect(networkPrefix(`${x}.${y}.${z}.${h1}`)).toBe(networkPrefix(`${x}.${y}.${z}.${h2}`));
        },
      ),
    );
  });
});
