// The safe fetcher: GET one evidence URL with Node's http/https, following redirects by hand, where the DNS
// lookup itself is the guard. Every hop's host is resolved through `guardedLookup`, which refuses the whole
// name when any address it resolves to is not public — and the socket connects to exactly the addresses that
// lookup returned, so there is no window between checking and connecting (no DNS rebinding). Address
// literals never reach a lookup and are checked before any request; the connected address is checked once
// more when the socket connects. Limits: total time, body size (read stops at the cap: `truncated`) and
// redirects (only http/https; relative Locations resolved against the hop). A site that sends its
// certificate without the intermediate CA's gets its chain completed as browsers do (evidence.tls.ts).
import { createHash } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import {
  addressLiteral,
  guardedLookup,
  hostAllowed,
  isPublicAddress,
  refuseNonPublicPeer,
} from './evidence.addresses.ts';
import {
  caIssuerUrls,
  INCOMPLETE_CHAIN_CODES,
  ISSUER_MAX_BYTES,
  issued,
  learnedIssuerOf,
  learnIssuer,
  parseCertificate,
  presentedCertificate,
  secureContextFor,
} from './evidence.tls.ts';

export interface FetchLimits {
  /** For the whole fetch, all hops and the body included. */
  timeoutMs: number;
  /** Body bytes kept (after decoding any Content-Encoding); the rest is not read. */
  maxBytes: number;
  maxRedirects: number;
  /** Hosts exempt from the address rules (tests and the demo; never in production). */
  allowHosts: readonly string[];
  /** Root certificates (PEM) trusted besides Node's own: tests only, never configurable. */
  trustedCa?: readonly string[];
}

export interface FetchHop {
  url: string;
  /** The HTTP status of this hop; 0 when the hop was refused or failed before an answer. */
  status: number;
}

export interface FetchedPage {
  finalUrl: string;
  hops: FetchHop[];
  httpStatus: number;
  contentType: string | null;
  body: Buffer;
  sizeBytes: number;
  truncated: boolean;
  sha256: string;
}

/**
 * Why a fetch got no answer. `transient` failures (time-outs, connection problems, DNS hiccups) are worth
 * retrying; the others (a refused address, a bad URL, a redirect loop) would fail the same way again.
 */
export const FETCH_FAILURES = {
  refused_address: false,
  unsupported_scheme: false,
  invalid_url: false,
  too_many_redirects: false,
  host_not_found: false,
  tls_error: false,
  timeout: true,
  dns_error: true,
  connection_failed: true,
} as const;
export type FetchFailureCode = keyof typeof FETCH_FAILURES;

export class FetchFailure extends Error {
  readonly transient: boolean;
  constructor(
    readonly code: FetchFailureCode,
    readonly hops: FetchHop[],
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FetchFailure';
    this.transient = FETCH_FAILURES[code];
  }
}

export type FetchPage = (url: string, limits: FetchLimits) => Promise<FetchedPage>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Prongsai-EvidenceChecker/1.0 (ITA evidence snapshot)';

export const fetchPage: FetchPage = (url, limits) => fetchWith(url, limits, true);

async function fetchWith(url: string, limits: FetchLimits, completeChains: boolean): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const hops: FetchHop[] = [];
  try {
    let current = parseHttpUrl(url, hops);
    for (;;) {
      const res = await requestVerified(current, limits, controller.signal, hops, completeChains);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.destroy(); // a redirect's body is never read
        hops.push({ url: current.href, status: res.statusCode ?? 0 });
        if (hops.length > limits.maxRedirects)
          throw new FetchFailure('too_many_redirects', hops, `more than ${limits.maxRedirects}`);
        current = parseHttpUrl(resolveLocation(location, current, hops), hops);
        continue;
      }
      const status = res.statusCode ?? 0;
      hops.push({ url: current.href, status });
      const { body, truncated } = await readCapped(res, limits.maxBytes, controller.signal, hops);
      return {
        finalUrl: current.href,
        hops,
        httpStatus: status,
        contentType: res.headers['content-type'] ?? null,
        body,
        sizeBytes: body.length,
        truncated,
        sha256: createHash('sha256').update(body).digest('hex'),
      };
    }
  } catch (e) {
    throw asFailure(e, hops, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(raw: string, hops: FetchHop[]): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchFailure('invalid_url', hops, raw);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    hops.push({ url: u.href, status: 0 });
    throw new FetchFailure('unsupported_scheme', hops, u.protocol);
  }
  return u;
}

function resolveLocation(location: string, base: URL, hops: FetchHop[]): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchFailure('invalid_url', hops, location);
  }
}

/**
 * One GET; when the site's certificate chain is incomplete, its issuer's certificate is found (learned
 * before, or fetched from the address the certificate names: one level, not for the issuer fetch itself),
 * learned, and the GET made again.
 */
async function requestVerified(
  u: URL,
  limits: FetchLimits,
  signal: AbortSignal,
  hops: FetchHop[],
  completeChains: boolean,
): Promise<IncomingMessage> {
  try {
    return await requestOnce(u, limits, signal, hops);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!completeChains || u.protocol !== 'https:' || !INCOMPLETE_CHAIN_CODES.has(code)) throw e;
    const issuer = await missingIssuer(u, limits, signal).catch(() => null);
    if (!issuer) throw e;
    learnIssuer(u.host, issuer);
    hops.pop(); // the failed attempt, made again below
    return requestOnce(u, limits, signal, hops);
  }
}

/** The certificate that issued the one `u` presents: learned before, or from its "CA Issuers" address. */
async function missingIssuer(u: URL, limits: FetchLimits, signal: AbortSignal) {
  const presented = await presentedCertificate(u, { guarded: !hostAllowed(u, limits.allowHosts), signal });
  const now = new Date();
  const known = learnedIssuerOf(presented, now);
  if (known) return known;
  const issuerLimits = { ...limits, maxBytes: ISSUER_MAX_BYTES, maxRedirects: 2 };
  for (const url of caIssuerUrls(presented)) {
    const page = await fetchWith(url, issuerLimits, false).catch(() => null);
    const issuer = page?.httpStatus === 200 && !page.truncated ? parseCertificate(page.body) : null;
    if (issuer && issued(issuer, presented, now)) return issuer;
  }
  return null;
}

/** One GET without following redirects; refuses a non-public address before connecting. */
function requestOnce(u: URL, limits: FetchLimits, signal: AbortSignal, hops: FetchHop[]) {
  const allowed = hostAllowed(u, limits.allowHosts);
  const literal = addressLiteral(u.hostname);
  if (!allowed && literal !== null && !isPublicAddress(literal)) {
    hops.push({ url: u.href, status: 0 });
    throw new FetchFailure('refused_address', hops, literal);
  }
  const transport = u.protocol === 'https:' ? https : http;
  const secureContext =
    u.protocol === 'https:' ? secureContextFor(u.host, limits.trustedCa ?? []) : undefined;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = transport.request(u, {
      method: 'GET',
      agent: false, // a fresh connection per hop: no pooled socket to an address checked for another name
      signal,
      ...(allowed ? {} : { lookup: guardedLookup }),
      ...(secureContext ? { secureContext } : {}),
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/pdf,image/*,*/*;q=0.8',
        'accept-language': 'th,en;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    if (!allowed) req.on('socket', refuseNonPublicPeer);
    req.on('response', resolve);
    req.on('error', (e) => {
      hops.push({ url: u.href, status: 0 });
      reject(e);
    });
    req.end();
  });
}

function decoded(res: IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** Reads at most `max` decoded bytes (so a compressed bomb stops at the cap too), then drops the connection. */
async function readCapped(res: IncomingMessage, max: number, signal: AbortSignal, hops: FetchHop[]) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const stream = decoded(res);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal.aborted) throw new FetchFailure('timeout', hops);
      const room = max - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = max;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    if (truncated || signal.aborted) {
      res.destroy();
      stream.destroy();
    }
  }
  return { body: Buffer.concat(chunks, size), truncated };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'HPE_INVALID_CONSTANT',
  'UND_ERR_SOCKET',
]);

function asFailure(e: unknown, hops: FetchHop[], timedOut: boolean): FetchFailure {
  if (e instanceof FetchFailure) return e;
  if (timedOut) return new FetchFailure('timeout', hops);
  const err = e as NodeJS.ErrnoException & { refused?: boolean };
  if (err.refused || (err.cause as { refused?: boolean } | undefined)?.refused)
    return new FetchFailure('refused_address', hops, err.message);
  const code = err.code ?? '';
  if (code === 'ENOTFOUND') return new FetchFailure('host_not_found', hops, err.message);
  if (code === 'EAI_AGAIN' || code.startsWith('EAI_')) return new FetchFailure('dns_error', hops, code);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return new FetchFailure('tls_error', hops, code);
  if (CONNECTION_CODES.has(code) || code.startsWith('HPE_'))
    return new FetchFailure('connection_failed', hops, code);
  return new FetchFailure('connection_failed', hops, err.message ?? String(e));
}
