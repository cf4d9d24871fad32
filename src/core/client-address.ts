// A client's address as the rate limits count it: one client (an IPv4 address, an IPv6 /64 — one household
// or phone holds a whole /64, so counting single IPv6 addresses would give a guesser 2^64 fresh starts) and
// its coarse network (IPv4 /24, IPv6 /48). Pure: callers hash these before storing them.
import { isIP } from 'node:net';

/** An IPv4 address as is; an IPv6 address by its /64 (one household or phone holds a whole /64). */
export function clientKey(ip: string): string {
  const v4 = ip.replace(/^::ffff:/i, '');
  if (!v4.includes(':')) return v4;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The coarse network of a client: IPv4 /24, IPv6 /48 (IPv4-mapped IPv6 counts as IPv4); null if unparsable. */
export function networkPrefix(clientIp: string): string | null {
  const ip = clientIp.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const candidate = mapped?.[1] ?? ip;
  const kind = isIP(candidate);
  if (kind === 4) return `${candidate.split('.').slice(0, 3).join('.')}.0/24`;
  if (kind === 6) {
    const groups = expandIpv6(candidate);
    return groups ? `${groups.slice(0, 3).join(':')}::/48` : null;
  }
  return null;
}

function expandIpv6(ip: string): string[] | null {
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; the /48 never reaches it, so zeros will do.
  const text = ip.replace(/\d+\.\d+\.\d+\.\d+$/, '0:0');
  const [head = '', tail, ...rest] = text.split('::');
  if (rest.length > 0) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...Array(missing).fill('0'), ...right].map((g) => Number.parseInt(g, 16).toString(16));
}
