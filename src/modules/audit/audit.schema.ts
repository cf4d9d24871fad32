// Shapes of the audit log: what modules append (checked, since a malformed entry is a bug in the caller) and
// what the API accepts and returns (zod; also the OpenAPI documentation).
import { z } from 'zod';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../shared/limits.ts';

/** Entity types and actions are short lowercase names: `oit_answer`, `approve`, `deadline.extend`. */
export const AUDIT_NAME_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
export const AUDIT_ENTITY_ID_MAX_LENGTH = 200;

const ZName = z.string().regex(AUDIT_NAME_PATTERN, 'lowercase letters, digits, _ . - (at most 64)');
const ZEntityId = z.string().min(1).max(AUDIT_ENTITY_ID_MAX_LENGTH);

export const ZAuditEventFields = z.object({
  agencyId: z.uuid().nullable().optional(),
  entityType: ZName,
  entityId: ZEntityId,
  action: ZName,
});

export const ZAuditQuery = z.object({
  entityType: ZName.optional().meta({ example: 'oit_answer' }),
  entityId: ZEntityId.optional(),
  agencyId: z.uuid().optional(),
  action: ZName.optional().meta({ example: 'approve' }),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Part of the username of who made the change (case-insensitive)'),
  from: z.iso.date().optional().describe('First day (Bangkok time, YYYY-MM-DD, Gregorian)'),
  to: z.iso.date().optional().describe('Last day, included (Bangkok time, YYYY-MM-DD, Gregorian)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  /** null for changes made by the system (start-up tasks, imports run from the command line). */
  actor: z
    .object({
      userId: z.uuid().nullable().describe('The account (which may since have been deleted)'),
      username: z.string(),
      role: z.string().meta({ example: 'assessor' }),
    })
    .nullable(),
  agencyId: z.uuid().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable().describe('The value before the change (secrets shown as "[redacted]")'),
  after: z.unknown().nullable().describe('The value after the change (secrets shown as "[redacted]")'),
  withheld: z
    .boolean()
    .describe(
      'True when (part of) before/after is withheld from this viewer, e.g. assessors’ scores and advice ' +
        'before the assessment is submitted',
    ),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

/** An entry of the log's list, with the names of its agency (null when tied to none or since deleted). */
export const ZAuditListEntry = ZAuditEntry.extend({
  agency: z
    .object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string().nullable() })
    .nullable(),
});
export type AuditListEntry = z.infer<typeof ZAuditListEntry>;

export const ZAuditPage = z.object({ items: z.array(ZAuditListEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof ZAuditPage>;

export const ZChainVerification = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    headSeq: z.number().int().nullable(),
    headHash: z.string().describe('Record it elsewhere: a later rewrite of the whole log would change it'),
  }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().describe('Entries found intact before the first broken one'),
    firstBrokenSeq: z.number().int(),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'gap']),
  }),
]);
