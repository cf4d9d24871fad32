// The key that signs audit checkpoints and the public keys that verify them. The private key never enters
// the database: it comes from AUDIT_SIGNING_KEY (PEM text), AUDIT_SIGNING_KEY_FILE, or — outside
// production only — a key generated on first use into PRONGSAI_DATA_DIR/audit-signing-key.pem, beside
// the PGlite folder (a copy of the database folder alone never holds it). Tests without a configured key
// sign with a key that lives in memory for the test process.

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { parsePublicKeys, type SigningKey, signingKey, type TrustedKey } from '../../core/audit/index.ts';

export const GENERATED_KEY_FILE = 'audit-signing-key.pem';

export type KeySource = 'env' | 'file' | 'generated' | 'test';

export interface AuditKeys {
  signing: SigningKey;
  /** The signing key's public key first, then those of earlier keys (AUDIT_TRUSTED_KEYS_FILE). */
  trusted: TrustedKey[];
  source: KeySource;
  /** The key file, when the key is read from or generated into one. */
  file: string | null;
}

type KeyConfig = Pick<Config, 'audit' | 'production' | 'env' | 'dataDir' | 'databaseUrl'>;

const loaded = new WeakMap<object, AuditKeys>();
let testKey: KeyObject | undefined;

/** The keys for a configuration, read once (the server reads them at start, so a bad key stops the start). */
export function auditKeys(cfg: KeyConfig): AuditKeys {
  let keys = loaded.get(cfg);
  if (!keys) {
    keys = readKeys(cfg);
    loaded.set(cfg, keys);
  }
  return keys;
}

function readKeys(cfg: KeyConfig): AuditKeys {
  const { source, file, privateKey } = privateKeyOf(cfg);
  const signing = signingKey(privateKey);
  const older = cfg.audit.trustedKeysFile
    ? parsePublicKeys(readFileSync(cfg.audit.trustedKeysFile, 'utf8'))
    : [];
  if (cfg.audit.trustedKeysFile && older.length === 0)
    throw new Error(`AUDIT_TRUSTED_KEYS_FILE holds no PEM public key: ${cfg.audit.trustedKeysFile}`);
  const trusted = [signing, ...older.filter((k) => k.keyId !== signing.keyId)];
  return { signing: stripPrivate(signing), trusted: trusted.map(publicOnly), source, file };
}

// The signing key keeps its private half; the trusted list never does.
const publicOnly = (k: TrustedKey): TrustedKey => ({
  keyId: k.keyId,
  fingerprint: k.fingerprint,
  publicKey: k.publicKey,
});
const stripPrivate = (k: SigningKey): SigningKey => ({ ...publicOnly(k), privateKey: k.privateKey });

function privateKeyOf(cfg: KeyConfig): { source: KeySource; file: string | null; privateKey: KeyObject } {
  const a = cfg.audit;
  if (a.signingKey)
    return { source: 'env', file: null, privateKey: parsePrivateKey(a.signingKey, 'AUDIT_SIGNING_KEY') };
  if (a.signingKeyFile) {
    refuseInsideDatabase(cfg, a.signingKeyFile);
    const text = readFileSync(a.signingKeyFile, 'utf8');
    return { source: 'file', file: a.signingKeyFile, privateKey: parsePrivateKey(text, a.signingKeyFile) };
  }
  if (cfg.production)
    throw new Error(
      'AUDIT_SIGNING_KEY_FILE (or AUDIT_SIGNING_KEY) is required in production: the key that signs audit ' +
        'checkpoints must be kept outside the database (README: "Audit checkpoints")',
    );
  if (cfg.env === 'test') {
    testKey ??= generateKeyPairSync('ed25519').privateKey;
    return { source: 'test', file: null, privateKey: testKey };
  }
  const file = path.join(cfg.dataDir, GENERATED_KEY_FILE);
  return { source: 'generated', file, privateKey: generatedKey(file) };
}

/** PEM (PKCS#8), with `\n` written as two characters as some environment files need, or bare base64 DER. */
function parsePrivateKey(text: string, where: string): KeyObject {
  const pem = text.includes('-----BEGIN') ? text.replaceAll('\\n', '\n') : null;
  try {
    return pem
      ? createPrivateKey(pem)
      : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${where}: not an Ed25519 private key (PEM, PKCS#8)`);
  }
}

/** A key inside the PGlite folder would travel with every copy of the database, which defeats it. */
function refuseInsideDatabase(cfg: KeyConfig, file: string) {
  if (cfg.databaseUrl) return;
  const relative = path.relative(path.join(cfg.dataDir, 'pglite'), file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative))
    throw new Error(
      'AUDIT_SIGNING_KEY_FILE must not be inside the database folder (PRONGSAI_DATA_DIR/pglite)',
    );
}

/** Reads the generated key, or creates it (exclusively, readable by the owner only) when there is none. */
function generatedKey(file: string): KeyObject {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, String(pem));
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return parsePrivateKey(readFileSync(file, 'utf8'), file);
}

/** Public keys given to a verifier on the command line (PEM files): these replace the configured ones. */
export function publicKeysFromFiles(files: readonly string[]): TrustedKey[] {
  const keys = files.flatMap((f) => {
    const found = parsePublicKeys(readFileSync(f, 'utf8'));
    if (found.length === 0) throw new Error(`${f}: no PEM public key found`);
    return found;
  });
  return keys;
}
