// Which addresses the evidence fetcher may connect to. Agencies type the URLs, so a URL is untrusted input that
// could point the server at its own network (loopback, the LAN, a cloud metadata service). Only global unicast
// addresses pass; everything ipaddr.js classifies as special (private, CGNAT, link-local, unique-local,
// loopback, multicast, broadcast, unspecified, reserved, documentation…) is refused. Addresses that embed an
// IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the address they embed. The guards at the end apply
// the rule to a connection: its name lookup, then the address the socket actually reached.
import dns, { type LookupAddress } from 'node:dns';
import type { Socket } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Cloud metadata services, named for clarity (both already fall in refused ranges). */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254']);

function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = addr.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return addr.toIPv4Address();
  const bytes = addr.toByteArray();
  // NAT64 well-known prefix 64:ff9b::/96: the IPv4 address is the last 32 bits.
  if (range === 'rfc6052' && addr.match(ipaddr.IPv6.parse('64:ff9b::'), 96))
    return new ipaddr.IPv4(bytes.slice(12, 16));
  // 6to4 2002:AABB:CCDD::/48: the IPv4 address is bits 16–48.
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

/** True only for a global unicast address (IPv4 or IPv6) the fetcher may connect to. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let addr = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(addr.toString())) return false;
  if (addr.kind() === 'ipv6') {
    const inner = embeddedIPv4(addr as ipaddr.IPv6);
    if (inner) addr = inner;
  }
  if (METADATA_ADDRESSES.has(addr.toString())) return false;
  return addr.range() === 'unicast';
}

/** The URL's host name as an address literal ('::1' from '[::1]'), or null when it is a name. */
export function addressLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : null;
}

/**
 * Is this URL's host exempt from the address rules (tests and the demo only: config refuses the setting in
 * production)? An entry is `host` (any port) or `host:port`.
 */
export function hostAllowed(url: URL, allowHosts: readonly string[]): boolean {
  if (allowHosts.length === 0) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowHosts.includes(host) || allowHosts.includes(`${host}:${port}`);
}

/** Raised by the guards below; the fetcher reports it as a refused address. */
export class RefusedAddress extends Error {
  readonly refused = true;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses a name when any of its addresses is not public. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new RefusedAddress(`${hostname} resolves to ${bad.address}`), '');
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '');
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
}

/** Destroys the socket if it connects to an address that is not public: the last check, after the lookup's. */
export function refuseNonPublicPeer(socket: Socket): void {
  socket.once('connect', () => {
    const remote = socket.remoteAddress;
    if (!remote || !isPublicAddress(remote)) socket.destroy(new RefusedAddress(`connected to ${remote}`));
  });
}
