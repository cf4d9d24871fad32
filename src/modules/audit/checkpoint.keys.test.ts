import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { publicKeyPem, signingKey } from '../../core/audit/index.ts';
import { auditKeys, GENERATED_KEY_FILE } from './checkpoint.keys.ts';

describe('the checkpoint signing key', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pem = () =>
    String(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PRONGSAI_DATA_DIR: dir };

  it('is required in production, and a server without one does not start', () => {
    expect(() => auditKeys(loadConfig(prod))).toThrow(/AUDIT_SIGNING_KEY_FILE .* is required in production/);
  });

  it('is generated once into the data folder (owner-only) outside production, then reused', () => {
    const data = path.join(dir, 'dev');
    const first = auditKeys(loadConfig({ NODE_ENV: 'development', PRONGSAI_DATA_DIR: data }));
    const file = path.join(data, GENERATED_KEY_FILE);
    expect(first).toMatchObject({ source: 'generated', file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = auditKeys(loadConfig({ NODE_ENV: 'development', PRONGSAI_DATA_DIR: data }));
    expect(again.signing.fingerprint).toBe(first.signing.fingerprint);
  });

  it('reads a key file or PEM text, and trusts the public keys of earlier keys after a rotation', () => {
    const keyFile = path.join(dir, 'signing.pem');
    writeFileSync(keyFile, pem());
    const old = signingKey(generateKeyPairSync('ed25519').privateKey);
    const oldKeys = path.join(dir, 'old-keys.pem');
    writeFileSync(oldKeys, publicKeyPem(old));
    const keys = auditKeys(
      loadConfig({ ...prod, AUDIT_SIGNING_KEY_FILE: keyFile, AUDIT_TRUSTED_KEYS_FILE: oldKeys }),
    );
    expect(keys.source).toBe('file');
    expect(keys.trusted.map((k) => k.fingerprint)).toEqual([keys.signing.fingerprint, old.fingerprint]);
    const inline = readFileSync(keyFile, 'utf8').replaceAll('\n', '\\n');
    expect(auditKeys(loadConfig({ ...prod, AUDIT_SIGNING_KEY: inline })).signing.fingerprint).toBe(
      keys.signing.fingerprint,
    );
  });

  it('refuses a key that is not an Ed25519 private key, or one kept inside the database folder', () => {
    const rsa = path.join(dir, 'rsa.pem');
    writeFileSync(
      rsa,
      String(
        generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
          format: 'pem',
          type: 'pkcs8',
        }),
      ),
    );
    expect(() => auditKeys(loadConfig({ ...prod, AUDIT_SIGNING_KEY_FILE: rsa }))).toThrow(/Ed25519/);
    expect(() => auditKeys(loadConfig({ ...prod, AUDIT_SIGNING_KEY: 'not a key' }))).toThrow(
      /not an Ed25519/,
    );
    mkdirSync(path.join(dir, 'pglite'));
    const inside = path.join(dir, 'pglite', 'key.pem');
    writeFileSync(inside, pem());
    expect(() => auditKeys(loadConfig({ ...prod, AUDIT_SIGNING_KEY_FILE: inside }))).toThrow(
      /database folder/,
    );
    expect(() => loadConfig({ ...prod, AUDIT_SIGNING_KEY: pem(), AUDIT_SIGNING_KEY_FILE: inside })).toThrow(
      /not both/,
    );
  });
});
