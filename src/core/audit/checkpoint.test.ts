import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ChainedEntry, chainEntry, GENESIS_HASH, verifyEntries } from './chain.ts';
import {
  checkpointLines,
  parsePublicKeys,
  publicKeyPem,
  readCheckpoint,
  signCheckpoint,
  signingKey,
} from './checkpoint.ts';
import { compareWithCheckpoints, type SourcedCheckpoint } from './checkpoint-check.ts';

const ours = signingKey(generateKeyPairSync('ed25519').privateKey);
const theirs = signingKey(generateKeyPairSync('ed25519').privateKey);
const at = new Date('2026-12-05T10:00:00.000Z');

function chainOf(n: number, edit?: { seq: number; action: string }): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  for (let i = 1; i <= n; i++)
    entries.push(
      chainEntry(entries.at(-1) ?? null, {
        occurredAt: '2026-12-01T03:00:00.000Z',
        actorUserId: null,
        actorUsername: null,
        actorRole: null,
        agencyId: null,
        entityType: 'oit_answer',
        entityId: `O${i}`,
        action: edit?.seq === i ? edit.action : 'update',
        before: null,
        after: { revision: i },
      }),
    );
  return entries;
}

const checkpointOf = (chain: ChainedEntry[], seq: number, key = ours) => {
  const text = signCheckpoint(key, {
    seq,
    headHash: seq === 0 ? GENESIS_HASH : (chain[seq - 1]?.hash ?? ''),
    takenAt: at,
    reason: 'daily',
  });
  const read = readCheckpoint(text, [ours]);
  if (!read.ok) throw new Error('own checkpoint did not read');
  return { checkpoint: read.checkpoint, source: { kind: 'database' } } satisfies SourcedCheckpoint;
};

function compare(chain: ChainedEntry[], checkpoints: SourcedCheckpoint[]) {
  const hashes = new Map(chain.map((e) => [e.seq, e.hash]));
  return compareWithCheckpoints(verifyEntries(chain), (s) => hashes.get(s), checkpoints, []);
}

describe('signed checkpoints', () => {
  it('is one line of JSON that reads back with the signing key, and names the key by its fingerprint', () => {
    const text = signCheckpoint(ours, {
      seq: 7,
      headHash: 'a'.repeat(64),
      takenAt: at,
      reason: 'oit.confirm',
    });
    expect(text).not.toContain('\n');
    const read = readCheckpoint(text, [theirs, ours]);
    expect(read).toMatchObject({
      ok: true,
      checkpoint: {
        seq: 7,
        entries: 7,
        headHash: 'a'.repeat(64),
        takenAt: at.toISOString(),
        keyId: ours.keyId,
      },
    });
    expect(ours.fingerprint.startsWith(ours.keyId)).toBe(true);
  });

  it('refuses a checkpoint whose content was changed after signing', () => {
    const text = signCheckpoint(ours, { seq: 7, headHash: 'a'.repeat(64), takenAt: at, reason: 'daily' });
    for (const forged of [text.replace('"seq":7', '"seq":9'), text.replace('"entries":7', '"entries":9')])
      expect(readCheckpoint(forged, [ours])).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('refuses a checkpoint signed with another key, even one that claims our key id', () => {
    const forged = signCheckpoint(theirs, { seq: 7, headHash: 'a'.repeat(64), takenAt: at, reason: 'daily' });
    expect(readCheckpoint(forged, [ours])).toMatchObject({ ok: false, problem: 'unknown_key' });
    const claiming = forged.replace(theirs.keyId, ours.keyId);
    expect(readCheckpoint(claiming, [ours])).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('reports text that is not a checkpoint as malformed', () => {
    const text = signCheckpoint(ours, { seq: 1, headHash: 'b'.repeat(64), takenAt: at, reason: 'daily' });
    for (const bad of [
      '{',
      '{}',
      text.slice(0, -10),
      text.replace('"reason":"daily"', '"reason":"daily","x":1'),
    ])
      expect(readCheckpoint(bad, [ours])).toMatchObject({ ok: false, problem: 'malformed' });
  });

  it('finds the checkpoint lines of a saved e-mail and ignores its prose', () => {
    const text = signCheckpoint(ours, { seq: 1, headHash: 'b'.repeat(64), takenAt: at, reason: 'daily' });
    expect(checkpointLines(`Subject: x\r\nKeep this:\r\n\r\n  ${text}\r\nbye {not at start}\r\n`)).toEqual([
      { line: 4, text },
    ]);
  });

  it('reads public keys from PEM text (a file of earlier keys)', () => {
    const keys = parsePublicKeys(`old:\n${publicKeyPem(theirs)}\n${publicKeyPem(ours)}`);
    expect(keys.map((k) => k.fingerprint)).toEqual([theirs.fingerprint, ours.fingerprint]);
  });
});

describe('the chain held against checkpoints', () => {
  const chain = chainOf(20);

  it('finds an untouched chain intact, including the checkpoint of the empty log', () => {
    const v = compare(chain, [checkpointOf(chain, 0), checkpointOf(chain, 10), checkpointOf(chain, 20)]);
    expect(v).toMatchObject({ status: 'intact', findings: [], warnings: [] });
  });

  it('names the deleted entries when the chain ends before a checkpoint (the chain alone looks intact)', () => {
    const cut = chain.slice(0, 12);
    expect(verifyEntries(cut)).toMatchObject({ ok: true });
    const v = compare(cut, [checkpointOf(chain, 10), checkpointOf(chain, 15), checkpointOf(chain, 20)]);
    expect(v.status).toBe('entries_missing');
    expect(v.findings).toEqual([
      expect.objectContaining({ kind: 'entries_missing', fromSeq: 13, toSeq: 20, chainEndsAt: 12 }),
    ]);
  });

  it('bounds a rewritten entry between the last matching and the first failing checkpoint', () => {
    // Entry 14 rewritten and every later hash recomputed: the chain alone is consistent.
    const forged = chainOf(20, { seq: 14, action: 'delete' });
    expect(verifyEntries(forged)).toMatchObject({ ok: true, headSeq: 20 });
    const v = compare(
      forged,
      [5, 10, 15, 20].map((s) => checkpointOf(chain, s)),
    );
    expect(v.status).toBe('rewritten');
    expect(v.findings).toEqual([
      expect.objectContaining({ kind: 'rewritten', fromSeq: 11, toSeq: 15, laterMismatches: 1 }),
    ]);
  });

  it('reports a rebuilt chain that is longer than the checkpoint as rewritten, not intact', () => {
    const forged = chainOf(25, { seq: 1, action: 'create' });
    expect(compare(forged, [checkpointOf(chain, 20)]).findings).toEqual([
      expect.objectContaining({ kind: 'rewritten', fromSeq: 1, toSeq: 20 }),
    ]);
  });

  it('says when nothing outside the database vouches for the chain', () => {
    expect(compare(chain, []).warnings).toEqual([{ kind: 'no_checkpoint' }]);
  });
});
