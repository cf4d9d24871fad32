// Completing a server's certificate chain the way browsers do. Many Thai government websites send only their
// own certificate, without the intermediate CA's: browsers fetch the missing certificate from the address the
// site's certificate names (Authority Information Access, "CA Issuers"), Node does not and fails with
// UNABLE_TO_VERIFY_LEAF_SIGNATURE. Here the fetcher does what browsers do: read the site's certificate without
// trusting it, fetch the issuer's certificate through the same safe fetcher, check that it did issue the
// site's certificate, and connect again with it added to the certificates Node may build a chain from.
//
// Nothing is trusted on the issuer's say-so: the added certificate is not a trust anchor (Node does not
// accept partial chains), so the chain must still end at one of Node's root CAs, and the host name is checked
// as usual. Learned issuer certificates and the hosts that needed them are kept in memory (they are few and
// long-lived): the next fetch from such a host verifies at once with one shared context, and another host
// signed by a learned issuer is completed without fetching it again. Other hosts keep Node's default context
// (with any NODE_EXTRA_CA_CERTS).
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { guardedLookup, refuseNonPublicPeer } from './evidence.addresses.ts';

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

interface PeerOptions {
  /** Apply the fetcher's address guards (all hosts but those allowed for tests and the demo). */
  guarded: boolean;
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
      ...(opts.guarded ? { lookup: guardedLookup } : {}),
    });
    if (opts.guarded) refuseNonPublicPeer(socket);
    const abort = () => socket.destroy(new Error('aborted'));
    opts.signal.addEventListener('abort', abort, { once: true });
    const done = () => {
      opts.signal.removeEventListener('abort', abort);
      socket.destroy();
    };
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

/** Issuer certificates learned from AIA addresses, by SHA-256 fingerprint; hosts (host:port) that needed one. */
const learned = new Map<string, X509Certificate>();
const completedHosts = new Set<string>();
const LEARNED_MAX = 1000;
let learnedContext: tls.SecureContext | undefined;

/** Remembers that `host` sends an incomplete chain which `issuer` completes. */
export function learnIssuer(host: string, issuer: X509Certificate): void {
  if (learned.size >= LEARNED_MAX || completedHosts.size >= LEARNED_MAX * 10) {
    learned.clear();
    completedHosts.clear();
    learnedContext = undefined;
  }
  if (!learned.has(issuer.fingerprint256)) {
    learned.set(issuer.fingerprint256, issuer);
    learnedContext = undefined;
  }
  completedHosts.add(host);
}

/** A learned certificate that issued `cert`, if any. */
export function learnedIssuerOf(cert: X509Certificate, now: Date): X509Certificate | null {
  for (const candidate of learned.values())
    if (candidate.subject === cert.issuer && issued(candidate, cert, now)) return candidate;
  return null;
}

/**
 * The secure context of an HTTPS request to `host`: Node's default, unless the host needed its chain
 * completed (Node's root CAs plus the learned issuers, one shared context) or extra roots are given (tests
 * only: the same choice, with those roots added).
 */
export function secureContextFor(host: string, extraRoots: readonly string[]): tls.SecureContext | undefined {
  const completed = completedHosts.has(host);
  const build = (roots: readonly string[]) =>
    tls.createSecureContext({
      ca: [...roots, ...(completed ? [...learned.values()].map((c) => c.toString()) : [])],
    });
  if (extraRoots.length > 0) return build([...tls.rootCertificates, ...extraRoots]);
  if (!completed) return undefined;
  learnedContext ??= build(tls.rootCertificates);
  return learnedContext;
}
