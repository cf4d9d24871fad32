// API shapes of checkpoints and of the trail's verification (zod; also the OpenAPI documentation).
import { z } from 'zod';
import { ZChainVerification } from './audit.schema.ts';

export const ZCheckpoint = z.object({
  seq: z.number().int().describe('The chain head the checkpoint covers (0: the empty log)'),
  headHash: z.string(),
  takenAt: z.iso.datetime(),
  reason: z.string().meta({ example: 'daily' }),
  keyId: z.string().describe('Which signing key (the first 16 hex digits of its fingerprint)'),
  signed: z.string().describe('The signed checkpoint, one line: what admins keep and verifiers read'),
});

export const ZCheckpointList = z.object({
  items: z.array(ZCheckpoint),
  keys: z
    .array(z.object({ keyId: z.string(), fingerprint: z.string(), publicKeyPem: z.string() }))
    .describe('The public keys this server trusts: the signing key first, then earlier ones'),
});

export const ZCheckpointListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

const ZSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('database') }),
  z.object({ kind: z.literal('file'), file: z.string(), line: z.number().int() }),
]);
const ZRef = z.object({ seq: z.number().int(), takenAt: z.string(), reason: z.string(), source: ZSource });
const ZSentence = z.object({ th: z.string(), en: z.string() });

export const ZTrailVerification = z.object({
  ok: z.boolean().describe('true only when the chain and every checkpoint agree'),
  status: z.enum(['intact', 'chain_broken', 'rewritten', 'entries_missing', 'checkpoint_invalid']),
  chain: ZChainVerification,
  checkpoints: z.object({ valid: z.number().int(), invalid: z.number().int(), latest: ZRef.nullable() }),
  findings: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('checkpoint_invalid'),
        problem: z.enum(['malformed', 'unknown_key', 'bad_signature']),
        source: ZSource,
        claimed: z.object({
          seq: z.number().int().nullable(),
          takenAt: z.string().nullable(),
          keyId: z.string().nullable(),
        }),
      }),
      z.object({
        kind: z.literal('entries_missing'),
        fromSeq: z.number().int(),
        toSeq: z.number().int(),
        chainEndsAt: z.number().int(),
        checkpoint: ZRef,
      }),
      z.object({
        kind: z.literal('rewritten'),
        fromSeq: z.number().int(),
        toSeq: z.number().int(),
        checkpoint: ZRef,
        laterMismatches: z.number().int(),
      }),
    ]),
  ),
  warnings: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('no_checkpoint') }),
      z.object({ kind: z.literal('not_in_database'), checkpoint: ZRef }),
    ]),
  ),
  messages: z.array(ZSentence).describe('The verdict and each finding, in Thai and English'),
});
