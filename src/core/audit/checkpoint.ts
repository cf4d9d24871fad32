// Signed checkpoints of the audit chain: the head (sequence number and hash) at a moment, signed with an
// Ed25519 key that is never stored in the database. Whoever can write to the database can recompute every
// hash of the chain, but cannot sign: a checkpoint kept outside the database (an e-mail, a file, a public
// page) therefore pins the chain up to its sequence number. A checkpoint is one line of canonical JSON:
//
//   {"entries":1310,"format":"prongsai-audit-checkpoint/1","headHash":"…","keyId":"…","reason":"daily",
//    "seq":1310,"signature":"<base64url Ed25519 over the line without its signature member>",
//    "takenAt":"2026-12-05T17:00:00.000Z"}
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';
import { GENESIS_HASH, HASH_PATTERN } from './chain.ts';

export const CHECKPOINT_FORMAT = 'prongsai-audit-checkpoint/1';

/** Why a checkpoint was taken: `daily`, `admin`, or the event after which it was taken (`oit.confirm`…). */
export const CHECKPOINT_REASON_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;

/** What is signed. `seq` 0 with the genesis hash is the checkpoint of an empty log. */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  seq: number;
  headHash: string;
  /** Entries in the chain up to `seq` (equal to `seq`: the chain starts at 1 and has no gaps). */
  entries: number;
  takenAt: string;
  reason: string;
  keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  signature: string;
}

const ZCheckpoint = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  headHash: z.string().regex(HASH_PATTERN),
  entries: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  takenAt: z.iso.datetime(),
  reason: z.string().regex(CHECKPOINT_REASON_PATTERN),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

/** A public key a verifier trusts, with the short id checkpoints name it by and its full fingerprint. */
export interface TrustedKey {
  keyId: string;
  /** SHA-256 of the raw 32-byte public key, hex: what an admin compares with the one they were given. */
  fingerprint: string;
  publicKey: KeyObject;
}

export interface SigningKey extends TrustedKey {
  privateKey: KeyObject;
}

export function trustedKey(publicKey: KeyObject): TrustedKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('audit checkpoint keys are Ed25519 keys');
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(String(jwk.x), 'base64url');
  const fingerprint = createHash('sha256').update(raw).digest('hex');
  return { keyId: fingerprint.slice(0, 16), fingerprint, publicKey };
}

export function signingKey(privateKey: KeyObject): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the audit signing key must be an Ed25519 private key');
  return { ...trustedKey(createPublicKey(privateKey)), privateKey };
}

/** The public key as PEM (SPKI): what verifiers are given. */
export function publicKeyPem(key: TrustedKey): string {
  return String(key.publicKey.export({ format: 'pem', type: 'spki' }));
}

/** Every Ed25519 public key in a text (PEM blocks, e.g. a file of old keys kept after a rotation). */
export function parsePublicKeys(text: string): TrustedKey[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((pem) => trustedKey(createPublicKey(pem)));
}

export function signCheckpoint(
  key: SigningKey,
  head: { seq: number; headHash: string; takenAt: Date; reason: string },
): string {
  if (!CHECKPOINT_REASON_PATTERN.test(head.reason)) throw new Error(`bad checkpoint reason: ${head.reason}`);
  if ((head.seq === 0) !== (head.headHash === GENESIS_HASH)) throw new Error('seq 0 is the empty log only');
  const body: CheckpointBody = {
    format: CHECKPOINT_FORMAT,
    seq: head.seq,
    headHash: head.headHash,
    entries: head.seq,
    takenAt: head.takenAt.toISOString(),
    reason: head.reason,
    keyId: key.keyId,
  };
  const signature = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.privateKey);
  return canonicalJson({ ...body, signature: signature.toString('base64url') });
}

export type CheckpointProblem =
  /** Not a checkpoint at all (cut short when copied, edited by hand, another format). */
  | 'malformed'
  /** Signed by a key the verifier does not trust (forged, or an old key not given to the verifier). */
  | 'unknown_key'
  /** The signature does not match the content: changed after signing, or forged. */
  | 'bad_signature';

export type ReadCheckpoint =
  | { ok: true; checkpoint: Checkpoint; text: string }
  | { ok: false; problem: CheckpointProblem; text: string; claimed: Partial<Checkpoint> | null };

/** Reads one signed checkpoint and checks its signature against the trusted keys. */
export function readCheckpoint(text: string, keys: readonly TrustedKey[]): ReadCheckpoint {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { ok: false, problem: 'malformed', text: trimmed, claimed: null };
  }
  const parsed = ZCheckpoint.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'malformed', text: trimmed, claimed: claimedOf(json) };
  const { signature, ...body } = parsed.data;
  const checkpoint: Checkpoint = parsed.data;
  const key = keys.find((k) => k.keyId === body.keyId);
  if (!key) return { ok: false, problem: 'unknown_key', text: trimmed, claimed: checkpoint };
  const signed = verify(
    null,
    Buffer.from(canonicalJson(body), 'utf8'),
    key.publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, problem: 'bad_signature', text: trimmed, claimed: checkpoint };
  if (body.entries !== body.seq || (body.seq === 0) !== (body.headHash === GENESIS_HASH))
    return { ok: false, problem: 'malformed', text: trimmed, claimed: checkpoint };
  return { ok: true, checkpoint, text: trimmed };
}

/** What a damaged checkpoint claims to be (for the report), without trusting any of it. */
function claimedOf(json: unknown): Partial<Checkpoint> | null {
  if (typeof json !== 'object' || json === null) return null;
  const r = json as Record<string, unknown>;
  const out: Partial<Checkpoint> = {};
  if (typeof r.seq === 'number' && Number.isSafeInteger(r.seq)) out.seq = r.seq;
  if (typeof r.takenAt === 'string' && r.takenAt.length <= 40) out.takenAt = r.takenAt;
  if (typeof r.keyId === 'string' && r.keyId.length <= 64) out.keyId = r.keyId;
  return out;
}

/**
 * The checkpoints in a text an admin kept: every line that starts with `{` is read as one checkpoint (a
 * saved e-mail's other lines are ignored), so a damaged line is reported rather than skipped silently.
 */
export function checkpointLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text.startsWith('{'));
}
