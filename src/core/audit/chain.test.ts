import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonValue } from './canonical-json.ts';
import {
  type AuditContent,
  type ChainedEntry,
  chainEntry,
  entryHash,
  GENESIS_HASH,
  HASH_PATTERN,
  verifyEntries,
} from './chain.ts';

const base: Omit<AuditContent, 'seq' | 'prevHash'> = {
  occurredAt: '2025-03-01T03:00:00.000Z',
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorUsername: 'assessor-1',
  actorRole: 'assessor',
  agencyId: '00000000-0000-4000-8000-000000000002',
  entityType: 'oit_answer',
  entityId: 'O1',
  action: 'update',
  before: { url: 'https://a.example/เดิม', status: 'draft' },
  after: { status: 'submitted', url: 'https://a.example/ใหม่' },
};

function chainOf(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  for (let i = 0; i < n; i++)
    entries.push(chainEntry(entries.at(-1) ?? null, { ...base, entityId: `O${i + 1}` }));
  return entries;
}

function entryAt(entries: ChainedEntry[], i: number): ChainedEntry {
  const entry = entries[i];
  if (!entry) throw new Error(`no entry ${i}`);
  return entry;
}

describe('entryHash', () => {
  it('is pinned: the algorithm must never change under existing logs', () => {
    // SHA-256 of the canonical JSON of the content. For content with integers and text (no fractions or
    // exponents, which Python writes differently), Python's json.dumps(content, sort_keys=True,
    // ensure_ascii=False, separators=(',', ':')) gives the same text: this value was checked that way.
    expect(entryHash({ ...base, seq: 1, prevHash: GENESIS_HASH })).toBe(
      '0491d069d7682cc93af4428906cb9732663801e58de4c79010e11ead58ef880b',
    );
  });

  it('is 64 lowercase hex digits', () => {
    expect(entryHash({ ...base, seq: 1, prevHash: GENESIS_HASH })).toMatch(HASH_PATTERN);
  });

  it('does not depend on the key order of before and after (jsonb reorders them)', () => {
    const a = entryHash({ ...base, seq: 1, prevHash: GENESIS_HASH });
    const b = entryHash({
      ...base,
      seq: 1,
      prevHash: GENESIS_HASH,
      before: { status: 'draft', url: 'https://a.example/เดิม' },
      after: { url: 'https://a.example/ใหม่', status: 'submitted' },
    });
    expect(b).toBe(a);
  });

  it('changes when any hashed field changes', () => {
    const content: AuditContent = { ...base, seq: 1, prevHash: GENESIS_HASH };
    const original = entryHash(content);
    const changes: Partial<AuditContent>[] = [
      { seq: 2 },
      { occurredAt: '2025-03-01T03:00:00.001Z' },
      { actorUserId: null },
      { actorUsername: 'assessor-2' },
      { actorRole: 'admin' },
      { agencyId: null },
      { entityType: 'oit_answers' },
      { entityId: 'O2' },
      { action: 'delete' },
      { before: null },
      { after: { status: 'submitted', url: 'https://a.example/ใหม่ ' } },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const change of changes) expect(entryHash({ ...content, ...change })).not.toBe(original);
  });

  it('differs for any two different before values', () => {
    const json = fc.jsonValue().map((v) => toJsonValue(v));
    fc.assert(
      fc.property(json, json, (x, y) => {
        fc.pre(JSON.stringify(x) !== JSON.stringify(y));
        const hx = entryHash({ ...base, seq: 1, prevHash: GENESIS_HASH, before: x });
        const hy = entryHash({ ...base, seq: 1, prevHash: GENESIS_HASH, before: y });
        if (hx === hy) expect(x).toEqual(y);
      }),
    );
  });
});

describe('verifyEntries', () => {
  it('accepts an intact chain and reports its head', () => {
    const entries = chainOf(5);
    expect(verifyEntries(entries)).toEqual({
      ok: true,
      entries: 5,
      headSeq: 5,
      headHash: entries[4]?.hash,
    });
  });

  it('accepts an empty log', () => {
    expect(verifyEntries([])).toEqual({ ok: true, entries: 0, headSeq: null, headHash: GENESIS_HASH });
  });

  it('reports a changed entry as the first broken one', () => {
    const entries = chainOf(5);
    entries[2] = { ...entryAt(entries, 2), after: { status: 'approved' } };
    expect(verifyEntries(entries)).toEqual({
      ok: false,
      entries: 2,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('reports a rehashed entry at the next link', () => {
    const entries = chainOf(5);
    const forged = { ...entryAt(entries, 2), after: { status: 'approved' } };
    entries[2] = { ...forged, hash: entryHash(forged) };
    expect(verifyEntries(entries)).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports a removed entry as a gap', () => {
    const entries = chainOf(5);
    entries.splice(1, 1);
    expect(verifyEntries(entries)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'gap' });
  });

  it('reports a removed first entry', () => {
    expect(verifyEntries(chainOf(3).slice(1))).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'gap' });
  });

  it('finds the first break wherever one entry is changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (n, k) => {
        const entries = chainOf(n);
        const i = k % n;
        entries[i] = { ...entryAt(entries, i), action: 'tampered' };
        expect(verifyEntries(entries)).toMatchObject({ ok: false, firstBrokenSeq: i + 1, entries: i });
      }),
    );
  });
});
