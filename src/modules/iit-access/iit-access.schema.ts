import { z } from 'zod';
import { MAX_TOKENS_PER_BATCH } from './iit-access.codes.ts';

export const ZIitAccess = z.object({
  agencyId: z.uuid(),
  year: z.number().int(),
  accessCode: z.string(),
  codeRotatedAt: z.string(),
  /** The respondent link printed on the poster and encoded in its QR code. */
  link: z.string(),
  tokensRequired: z.boolean(),
  /**
   * Someone has been guessing this agency's access code (many wrong codes from many addresses), and the
   * code was not replaced since; null otherwise. NACC admins were e-mailed at `alertedAt`.
   */
  guessing: z.object({ seenAt: z.string(), alertedAt: z.string().nullable() }).nullable(),
});
export type IitAccess = z.infer<typeof ZIitAccess>;

export const ZTokensRequiredBody = z.strictObject({ required: z.boolean() });

export const ZGenerateTokensBody = z.strictObject({
  count: z.number().int().min(1).max(MAX_TOKENS_PER_BATCH),
});

export const ZTokenBatchList = z.object({
  items: z.array(
    z.object({
      batchId: z.uuid(),
      issued: z.number().int(),
      createdAt: z.string().nullable(),
      createdBy: z.string().nullable(),
    }),
  ),
  /** Always false: used tokens are kept apart from their batch so that nobody can tell which slip answered. */
  usedCountAvailable: z.literal(false),
});
