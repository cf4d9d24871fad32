// A small website on 127.0.0.1 (random port) for the evidence fetcher's tests and bench: a Thai page that
// mentions FY 2568, a TIS-620 page, a 404, a redirect chain, a slow page, a huge body, redirects to a private
// and to the metadata address, a PDF without text, a Thai plan as a real PDF (/plan.pdf), an image, a ZIP, a
// flaky page (503 a few times, then fine), a page that answers after a delay.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import { newA4, pdfBuffer } from '../../src/modules/iit-access/index.ts';

/** Thai text in TIS-620 bytes (U+0E01–U+0E5B → 0xA1–0xFB; ASCII unchanged). */
export function tis620(s: string): Buffer {
  return Buffer.from(
    [...s].map((c) => {
      const code = c.codePointAt(0) as number;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    }),
  );
}

export const SITE_PAGES = {
  thai: '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>แผนปฏิบัติการประจำปี พ.ศ. 2568</title></head><body><h1>แผนปฏิบัติการ</h1><p>ปีงบประมาณ 2568</p></body></html>',
  tis620:
    '<html><head><title>รายงานผลการดำเนินงาน ๒๕๖๘</title></head><body><p>ข้อมูลประจำปีงบประมาณ ๒๕๖๘</p></body></html>',
  oldYear: '<html><head><title>Annual report 2025</title></head><body>2025, ปี 2567</body></html>',
} as const;

/** The smallest well-formed PDF we need: the magic and a trailer. */
export const SITE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The title and a line of /plan.pdf: an annual plan naming FY2568 in Thai digits. */
export const SITE_PLAN_PDF = {
  title: 'แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
  line: 'องค์การบริหารส่วนตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
} as const;

/** A real PDF (Sarabun, Thai text) titled `title`, one page per entry of `pages`, each a line of text. */
export async function thaiPdf(title: string, pages: readonly string[]): Promise<Buffer> {
  const doc = await newA4(title);
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.font('regular').fontSize(16).text(text, 56, 56, { lineBreak: false });
  });
  return pdfBuffer(doc);
}

export const SITE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface TestSite {
  origin: string;
  /** host:port, for EVIDENCE_ALLOW_HOSTS. */
  host: string;
  url(path: string): string;
  /** Serves `body` at `path` from now on (e.g. a CA certificate for a test of chain completion). */
  serveFile(path: string, body: Buffer, type: string): void;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Requests being answered right now, and the most at once. */
  inFlight(): number;
  maxInFlight(): number;
  close(): Promise<void>;
}

export interface TestSiteOptions {
  /** Bytes of /huge (default 2 MB). */
  hugeBytes?: number;
}

export async function startTestSite(opts: TestSiteOptions = {}): Promise<TestSite> {
  const hugeBytes = opts.hugeBytes ?? 2_000_000;
  const plan = await thaiPdf(SITE_PLAN_PDF.title, [SITE_PLAN_PDF.line]);
  const files = new Map<string, { body: Buffer; type: string }>();
  const requests: string[] = [];
  const flaky = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(u.pathname);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    const p = u.pathname;
    if (p === '/page.html' || p.startsWith('/page/')) return html(SITE_PAGES.thai);
    if (p === '/tis620.html') return html(tis620(SITE_PAGES.tis620), 'text/html; charset=TIS-620');
    if (p === '/old-year.html') return html(SITE_PAGES.oldYear);
    if (p === '/gzip.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      return res.end(zlib.gzipSync(SITE_PAGES.thai));
    }
    if (p === '/doc.pdf') return html(SITE_PDF, 'application/pdf');
    if (p === '/plan.pdf') return html(plan, 'application/pdf');
    const file = files.get(p);
    if (file) return html(file.body, file.type);
    if (p === '/pixel.png') return html(SITE_PNG, 'image/png');
    if (p === '/data.zip') return html(Buffer.from('PK\x03\x04 not really a zip'), 'application/zip');
    // A chain of 3 redirects (absolute path, relative, absolute URL) ending on the Thai page.
    if (p === '/r1') return redirect(302, '/r2');
    if (p === '/r2') return redirect(301, 'r3');
    if (p === '/r3') return redirect(307, `http://${req.headers.host}/page.html`);
    if (p === '/loop') return redirect(302, '/loop');
    if (p === '/to-private') return redirect(302, 'http://10.0.0.1/');
    if (p === '/to-metadata') return redirect(302, 'http://169.254.169.254/latest/meta-data/');
    if (p === '/to-ftp') return redirect(302, 'ftp://example.com/file');
    // Never answers: the fetcher's time limit must end it (the socket is closed with the site).
    if (p === '/slow') return;
    // /delayed?ms=N (or /delayed/<key>?ms=N, to tell requests apart): the Thai page after N ms, like a
    // distant site (for the bench and the two-instance test).
    if (p === '/delayed' || p.startsWith('/delayed/')) {
      const timer = setTimeout(() => html(SITE_PAGES.thai), Number(u.searchParams.get('ms') ?? '200'));
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (p === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      const chunk = Buffer.alloc(64 * 1024, 'ก'.charCodeAt(0) % 256);
      let sent = 0;
      const pump = () => {
        while (sent < hugeBytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      return pump();
    }
    // /flaky/<key>?fail=N: 503 for the first N requests of that key, then the Thai page.
    if (p.startsWith('/flaky/')) {
      const seen = (flaky.get(p) ?? 0) + 1;
      flaky.set(p, seen);
      if (seen <= Number(u.searchParams.get('fail') ?? '1')) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        return res.end('busy');
      }
      return html(SITE_PAGES.thai);
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<title>ไม่พบหน้า</title>');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    url: (path) => `${origin}${path}`,
    serveFile: (path, body, type) => {
      files.set(path, { body, type });
    },
    requests,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
