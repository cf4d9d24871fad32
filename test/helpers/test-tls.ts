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

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const CA_EXT =
  'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n';

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-ca-'));
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  /** A key and a certificate `<name>.key`/`<name>.pem` for `subject`, signed by `signer` (or itself). */
  const issue = (name: string, subject: string, signer: string | null, days: number, extensions: string) => {
    writeFileSync(path.join(dir, `${name}.ext`), extensions);
    if (!signer) {
      const self = ['-x509', '-days', String(days), '-extensions', 'v3', '-config', `${name}.cnf`];
      writeFileSync(path.join(dir, `${name}.cnf`), `[req]\ndistinguished_name=dn\n[dn]\n[v3]\n${extensions}`);
      return openssl(
        'req',
        ...EC_KEY,
        ...self,
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-subj',
        subject,
      );
    }
    openssl('req', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    return openssl(
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', `${signer}.pem`, '-CAkey', `${signer}.key`],
      ...['-CAcreateserial', '-days', String(days), '-extfile', `${name}.ext`, '-out', `${name}.pem`],
    );
  };
  issue('root', '/CN=Prongsai Test Root', null, 3650, CA_EXT);
  issue(
    'int',
    '/CN=Prongsai Test Intermediate',
    'root',
    3650,
    `${CA_EXT.replace('CA:TRUE', 'CA:TRUE,pathlen:0')}authorityKeyIdentifier=keyid\n`,
  );
  openssl('x509', '-in', 'int.pem', '-outform', 'DER', '-out', 'int.der');
  let n = 0;
  return {
    rootPem: read('root.pem'),
    intermediatePem: read('int.pem'),
    intermediateDer: readFileSync(path.join(dir, 'int.der')),
    issueSiteCertificate(caIssuers) {
      n += 1;
      issue(
        `site${n}`,
        '/CN=127.0.0.1',
        'int',
        365,
        'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' +
          'authorityKeyIdentifier=keyid\n' +
          (caIssuers ? `authorityInfoAccess=caIssuers;URI:${caIssuers}\n` : ''),
      );
      return { cert: read(`site${n}.pem`), key: read(`site${n}.key`) };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsSite {
  /** host:port, for allowHosts. */
  host: string;
  url(path: string): string;
  /** TCP connections accepted so far (a failed handshake counts too). */
  connections(): number;
  close(): Promise<void>;
}

/** An HTTPS site on 127.0.0.1 sending `cert` alone (no intermediate), answering every path with `html`. */
export async function startTlsSite(site: { cert: string; key: string }, html: string): Promise<TlsSite> {
  const server = https.createServer(site, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: (p) => `https://127.0.0.1:${port}${p}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
