// Completing a server's certificate chain the way browsers do. Many Thai government websites send only their
// own certificate, without the intermediate CA's: browsers fetch the missing certificate from the address the
// site's certificate names (Authority Information Access, "CA Issuers"), Node does not and fails with
// UNABLE_TO_VERIFY_LEAF_SIGNATURE. Here the fetcher does what browsers do: read the site's certificate without
// trusting it, fetch the issuer's certificate through the same safe fetcher, check that it did issue the
// site's certificate, and connect again with it added to the certificates Node may build a chain from.
//
// Nothing is trusted on the issuer's say-so: the added certificate is not a trust anchor (Node does not
// accept partial chains), so the chain must still end at one of Node's root CAs, and the host name is checked
// as usual. Fetched issuer certificates are kept in memory (they are few and long-lived).
import { X509Certificate } from 'node:crypto';
import type { LookupFunction, Socket } from 'node:net';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { isPublicAddress } from './evidence.addresses.ts';

/** The verification errors of a chain the server sent incomplete. */
export const INCOMPLETE_CHAIN_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** Issuer certificates are small: anything larger is not one. */
export const ISSUER_MAX_BYTES = 64 * 1024;

/** The "CA Issuers" addresses (http/https only) of a certificate. */
export function caIssuerUrls(cert: X509Certificate): string[] {
  const info = cert.infoAccess ?? '';
  return [...info.matchAll(/^CA Issuers - URI:(\S+)$/gm)]
    .map((m) => m[1] as string)
    .filter((u) => /^https?:\/\//i.test(u));
}

/** A certificate from DER or PEM bytes; null when the bytes are neither (e.g. a PKCS#7 bundle). */
export function parseCertificate(bytes: Buffer): X509Certificate | null {
  try {
    return new X509Certificate(bytes);
  } catch {
    return null;
  }
}

/** Did `issuer` sign `cert`: names match and the signature verifies with the issuer's key? */
export function issued(issuer: X509Certificate, cert: X509Certificate, now: Date): boolean {
  const valid = new Date(issuer.validFrom) <= now && now <= new Date(issuer.validTo);
  return valid && issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

export interface PeerOptions {
  /** The guarded lookup, or none for allowed hosts. */
  lookup?: LookupFunction;
  /** Refuse a connection to a non-public address (as the fetcher does). */
  checkAddress: boolean;
  signal: AbortSignal;
}

/**
 * The certificate the server presents, read without verifying it and without sending a request: only to learn
 * where its issuer's certificate is published.
 */
export function presentedCertificate(u: URL, opts: PeerOptions): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({
      host,
      port: Number(u.port) || 443,
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ...(opts.lookup ? { lookup: opts.lookup } : {}),
    });
    const abort = () => socket.destroy(new Error('aborted'));
    opts.signal.addEventListener('abort', abort, { once: true });
    const done = () => {
      opts.signal.removeEventListener('abort', abort);
      socket.destroy();
    };
    socket.once('connect', () => {
      const remote = (socket as Socket).remoteAddress;
      if (opts.checkAddress && (!remote || !isPublicAddress(remote)))
        socket.destroy(Object.assign(new Error(`connected to ${remote}`), { refused: true }));
    });
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      done();
      const cert = raw ? parseCertificate(raw) : null;
      if (cert) resolve(cert);
      else reject(new Error('no certificate presented'));
    });
    socket.once('error', (e) => {
      done();
      reject(e);
    });
  });
}

/** Fetched issuer certificates (PEM) by address, for the life of the process. */
const issuerCache = new Map<string, string>();
const ISSUER_CACHE_MAX = 500;

export async function cachedIssuer(
  url: string,
  fetchBytes: (url: string) => Promise<Buffer | null>,
): Promise<X509Certificate | null> {
  const known = issuerCache.get(url);
  if (known) return new X509Certificate(known);
  const bytes = await fetchBytes(url);
  const cert = bytes ? parseCertificate(bytes) : null;
  if (cert) {
    if (issuerCache.size >= ISSUER_CACHE_MAX) issuerCache.clear();
    issuerCache.set(url, cert.toString());
  }
  return cert;
}

/** The certificates Node may build chains from: its root CAs, any extra ones given, and `more`. */
export function chainCertificates(extra: readonly string[], more: readonly string[] = []): string[] {
  return [...tls.rootCertificates, ...extra, ...more];
}
