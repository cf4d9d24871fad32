import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SITE_PAGES,
  SITE_PDF,
  startTestSite,
  type TestSite,
  tis620,
} from '../../../test/helpers/test-site.ts';
import { makeTestCa, startTlsSite, type TestCa, type TlsSite } from '../../../test/helpers/test-tls.ts';
import { isPublicAddress } from './evidence.addresses.ts';
import { FetchFailure, type FetchLimits, fetchPage } from './evidence.fetcher.ts';
import { storableBody } from './evidence.snapshot.ts';

let site: TestSite;
let limits: FetchLimits;
beforeAll(async () => {
  site = await startTestSite({ hugeBytes: 1_000_000 });
  limits = { timeoutMs: 1500, maxBytes: 64 * 1024, maxRedirects: 5, allowHosts: [site.host] };
});
afterAll(() => site.close());

async function failureOf(p: Promise<unknown>): Promise<FetchFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FetchFailure) return e;
    throw e;
  }
  throw new Error('expected the fetch to fail');
}

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '192.0.2.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    '2002:0a00:0001::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '203.113.5.10', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('fetchPage', () => {
  it('fetches a reachable Thai page with its status, type, size and SHA-256', async () => {
    const page = await fetchPage(site.url('/page.html'), limits);
    expect(page.httpStatus).toBe(200);
    expect(page.finalUrl).toBe(site.url('/page.html'));
    expect(page.hops).toEqual([{ url: site.url('/page.html'), status: 200 }]);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body.toString('utf8')).toBe(SITE_PAGES.thai);
    expect(page.sizeBytes).toBe(Buffer.byteLength(SITE_PAGES.thai));
    expect(page.truncated).toBe(false);
    expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps TIS-620 bytes as they came', async () => {
    const page = await fetchPage(site.url('/tis620.html'), limits);
    expect(page.body.equals(tis620(SITE_PAGES.tis620))).toBe(true);
  });

  it('decodes a gzip-encoded answer', async () => {
    const page = await fetchPage(site.url('/gzip.html'), limits);
    expect(page.body.toString('utf8')).toBe(SITE_PAGES.thai);
  });

  it('answers a 404 as a fetched page (the fetch worked, the evidence is broken)', async () => {
    const page = await fetchPage(site.url('/missing'), limits);
    expect(page.httpStatus).toBe(404);
  });

  it('follows a chain of 3 redirects, recording every hop and resolving relative Locations', async () => {
    const page = await fetchPage(site.url('/r1'), limits);
    expect(page.hops).toEqual([
      { url: site.url('/r1'), status: 302 },
      { url: site.url('/r2'), status: 301 },
      { url: site.url('/r3'), status: 307 },
      { url: site.url('/page.html'), status: 200 },
    ]);
    expect(page.finalUrl).toBe(site.url('/page.html'));
  });

  it('stops after the most redirects allowed', async () => {
    const f = await failureOf(fetchPage(site.url('/loop'), { ...limits, maxRedirects: 3 }));
    expect(f.code).toBe('too_many_redirects');
    expect(f.transient).toBe(false);
    expect(f.hops).toHaveLength(4);
  });

  it('refuses a redirect to a private address without connecting', async () => {
    const f = await failureOf(fetchPage(site.url('/to-private'), limits));
    expect(f.code).toBe('refused_address');
    expect(f.transient).toBe(false);
    expect(f.hops).toEqual([
      { url: site.url('/to-private'), status: 302 },
      { url: 'http://10.0.0.1/', status: 0 },
    ]);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const f = await failureOf(fetchPage(site.url('/to-metadata'), limits));
    expect(f.code).toBe('refused_address');
    expect(f.hops.at(-1)?.url).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    const f = await failureOf(fetchPage(site.url('/to-ftp'), limits));
    expect(f.code).toBe('unsupported_scheme');
  });

  it('refuses loopback when the host is not allowed by setting: literal, hidden and named forms', async () => {
    const strict = { ...limits, allowHosts: [] };
    const port = new URL(site.origin).port;
    const before = site.requests.length;
    for (const url of [
      site.url('/page.html'),
      `http://2130706433:${port}/page.html`, // 127.0.0.1 as one number
      `http://[::1]:${port}/page.html`,
      `http://[::ffff:127.0.0.1]:${port}/page.html`,
      `http://localhost:${port}/page.html`, // a name: refused by the guarded DNS lookup
    ]) {
      const f = await failureOf(fetchPage(url, strict));
      expect([url, f.code]).toEqual([url, 'refused_address']);
    }
    expect(site.requests.length).toBe(before); // never connected
  });

  it('allows a named host only on the port named', async () => {
    const otherPort = { ...limits, allowHosts: ['127.0.0.1:1'] };
    expect((await failureOf(fetchPage(site.url('/page.html'), otherPort))).code).toBe('refused_address');
    const anyPort = { ...limits, allowHosts: ['127.0.0.1'] };
    expect((await fetchPage(site.url('/page.html'), anyPort)).httpStatus).toBe(200);
  });

  it('gives up on a slow page at the time limit (a transient failure)', async () => {
    const f = await failureOf(fetchPage(site.url('/slow'), { ...limits, timeoutMs: 200 }));
    expect(f.code).toBe('timeout');
    expect(f.transient).toBe(true);
  });

  it('stops reading a huge body at the cap and marks it truncated', async () => {
    const page = await fetchPage(site.url('/huge'), limits);
    expect(page.truncated).toBe(true);
    expect(page.sizeBytes).toBe(64 * 1024);
    expect(page.body).toHaveLength(64 * 1024);
  });

  it('rejects what is not an http(s) URL', async () => {
    expect((await failureOf(fetchPage('not a url', limits))).code).toBe('invalid_url');
    expect((await failureOf(fetchPage('file:///etc/passwd', limits))).code).toBe('unsupported_scheme');
  });

  it('reports a closed port as a (transient) connection failure', async () => {
    const f = await failureOf(fetchPage('http://127.0.0.1:1/', { ...limits, allowHosts: ['127.0.0.1'] }));
    expect(f.code).toBe('connection_failed');
    expect(f.transient).toBe(true);
  });

  it('keeps the body of a PDF, compressed for storage; a ZIP only as metadata', async () => {
    const pdf = await fetchPage(site.url('/doc.pdf'), limits);
    const stored = await storableBody(pdf);
    expect(stored && gunzipSync(stored).equals(SITE_PDF)).toBe(true);
    const zip = await fetchPage(site.url('/data.zip'), limits);
    expect(zip.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storableBody(zip)).toBeNull();
  });
});

describe('a site that sends its certificate without the intermediate CA’s', () => {
  const cas: TestCa[] = [];
  const sites: TlsSite[] = [];
  const newCa = () => {
    const ca = makeTestCa();
    cas.push(ca);
    return ca;
  };
  /** Publishes the CA's intermediate at `path` on the plain test site; returns its URL. */
  const publish = (ca: TestCa, path: string) => {
    const der = path.endsWith('.der');
    site.serveFile(
      path,
      der ? ca.intermediateDer : Buffer.from(ca.intermediatePem),
      der ? 'application/pkix-cert' : 'application/x-pem-file',
    );
    return site.url(path);
  };
  const siteOf = async (ca: TestCa, caIssuers: string | null) => {
    const s = await startTlsSite(ca.issueSiteCertificate(caIssuers), SITE_PAGES.thai);
    sites.push(s);
    return s;
  };
  const tlsLimits = (s: TlsSite, trusted = true): FetchLimits => ({
    ...limits,
    allowHosts: [site.host, s.host],
    ...(trusted ? { trustedCa: cas.map((c) => c.rootPem) } : {}),
  });
  const downloads = (path: string) => site.requests.filter((p) => p === path).length;
  afterAll(async () => {
    await Promise.all(sites.map((s) => s.close()));
    for (const ca of cas) ca.cleanup();
  });

  it('completes the chain from the address its certificate names (DER or PEM), as browsers do', async () => {
    for (const path of ['/ca/a.der', '/ca/b.pem']) {
      const ca = newCa();
      const tls = await siteOf(ca, publish(ca, path));
      const page = await fetchPage(tls.url('/plan'), tlsLimits(tls));
      expect(page).toMatchObject({ httpStatus: 200, hops: [{ url: tls.url('/plan'), status: 200 }] });
      expect(page.body.toString('utf8')).toBe(SITE_PAGES.thai);
      expect(downloads(path)).toBe(1);
    }
  });

  it('learns the issuer: the same site verifies at once next time, another site it signed needs no download', async () => {
    const ca = newCa();
    const url = publish(ca, '/ca/learned.der');
    const [first, second] = [await siteOf(ca, url), await siteOf(ca, url)];
    const ok = async (s: TlsSite) =>
      expect((await fetchPage(s.url('/plan'), tlsLimits(s))).httpStatus).toBe(200);
    await ok(first);
    // Failed handshake, reading the certificate, the request again.
    expect(first.connections()).toBe(3);
    await ok(first);
    expect(first.connections()).toBe(4);
    await ok(second);
    expect(second.connections()).toBe(3);
    expect(downloads('/ca/learned.der')).toBe(1);
  });

  it('still refuses a chain that does not end at a trusted root, even completed', async () => {
    const ca = newCa();
    const tls = await siteOf(ca, publish(ca, '/ca/untrusted.der'));
    const f = await failureOf(fetchPage(tls.url('/plan'), tlsLimits(tls, false)));
    expect(f.code).toBe('tls_error');
  });

  it('fails as a TLS error when the named certificate is missing or did not issue the site’s', async () => {
    const ca = newCa();
    const stranger = publish(newCa(), '/ca/stranger.der');
    for (const issuers of [site.url('/ca/missing.der'), stranger, null]) {
      const tls = await siteOf(ca, issuers);
      const f = await failureOf(fetchPage(tls.url('/plan'), tlsLimits(tls)));
      expect(f.code, String(issuers)).toBe('tls_error');
      expect(f.hops).toEqual([{ url: tls.url('/plan'), status: 0 }]);
    }
  });
});
