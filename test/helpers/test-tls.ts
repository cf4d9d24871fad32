// A test certificate authority (root → intermediate → site certificates for 127.0.0.1), made with the
// openssl command in a temporary folder, and HTTPS sites that send only their own certificate, as many
// government websites do: for the evidence fetcher's chain completion (AIA "CA Issuers").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCa {
  rootPem: string;
  intermediatePem: string;
  intermediateDer: Buffer;
  /** A certificate for 127.0.0.1 and localhost issued by the intermediate, naming `caIssuers` if given. */
  issueSiteCertificate(caIssuers: string | null): { cert: string; key: string };
  cleanup(): void;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-ca-'));
  const f = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    ...EC,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '3650',
    '-subj',
    '/CN=Prongsai Test Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  writeFileSync(
    f('int.ext'),
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' +
      'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  openssl('req', ...EC, '-keyout', 'int.key', '-out', 'int.csr', '-subj', '/CN=Prongsai Test Intermediate');
  openssl(
    'x509',
    '-req',
    '-in',
    'int.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'int.pem',
    '-days',
    '3650',
    '-extfile',
    'int.ext',
  );
  openssl('x509', '-in', 'int.pem', '-outform', 'DER', '-out', 'int.der');
  let n = 0;
  return {
    rootPem: readFileSync(f('root.pem'), 'utf8'),
    intermediatePem: readFileSync(f('int.pem'), 'utf8'),
    intermediateDer: readFileSync(f('int.der')),
    issueSiteCertificate(caIssuers) {
      n += 1;
      const ext =
        'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' +
        'authorityKeyIdentifier=keyid\n' +
        (caIssuers ? `authorityInfoAccess=caIssuers;URI:${caIssuers}\n` : '');
      writeFileSync(f(`site${n}.ext`), ext);
      openssl('req', ...EC, '-keyout', `site${n}.key`, '-out', `site${n}.csr`, '-subj', '/CN=127.0.0.1');
      openssl(
        'x509',
        '-req',
        '-in',
        `site${n}.csr`,
        '-CA',
        'int.pem',
        '-CAkey',
        'int.key',
        '-CAcreateserial',
        '-out',
        `site${n}.pem`,
        '-days',
        '365',
        '-extfile',
        `site${n}.ext`,
      );
      return { cert: readFileSync(f(`site${n}.pem`), 'utf8'), key: readFileSync(f(`site${n}.key`), 'utf8') };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsSite {
  /** host:port, for allowHosts. */
  host: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** An HTTPS site on 127.0.0.1 sending `cert` alone (no intermediate), answering every path with `html`. */
export async function startTlsSite(site: { cert: string; key: string }, html: string): Promise<TlsSite> {
  const server = https.createServer(site, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: (p) => `https://127.0.0.1:${port}${p}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
