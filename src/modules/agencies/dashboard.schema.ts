import { z } from 'zod';
import { ROLES } from '../../core/authz.ts';
import { ZFiscalYear } from '../../shared/fiscal-year.ts';
import { ZAgencySummary, ZParticipation } from './agencies.schema.ts';

export const ZDashboardQuery = z.object({
  year: ZFiscalYear.optional().describe('Defaults to the newest year with a framework loaded'),
});

const ZCycleCounts = z.object({
  agencies: z.number().int().describe('Active agencies'),
  open: z.number().int(),
  registered: z.number().int(),
});

const ZAdminDashboard = z.object({
  kind: z.literal('admin'),
  role: z.enum(ROLES),
  year: z.number().int().nullable(),
  agencies: z.object({ total: z.number().int(), active: z.number().int() }),
  cycle: ZCycleCounts.nullable(),
  users: z.object({ total: z.number().int(), active: z.number().int() }),
});

const ZScopedDashboard = z.object({
  kind: z.literal('scoped'),
  role: z.enum(ROLES),
  year: z.number().int().nullable(),
  counts: ZCycleCounts,
  agencies: z.array(ZAgencySummary).describe('Not yet registered first; at most DASHBOARD_AGENCIES_MAX'),
  more: z.boolean().describe('True when the scope holds more agencies than listed (see /api/agencies)'),
});

const ZAgencyDashboard = z.object({
  kind: z.literal('agency'),
  role: z.enum(ROLES),
  year: z.number().int().nullable(),
  agency: ZAgencySummary.nullable(),
  participations: z.array(ZParticipation),
});

export const ZDashboard = z.discriminatedUnion('kind', [ZAdminDashboard, ZScopedDashboard, ZAgencyDashboard]);
export type Dashboard = z.infer<typeof ZDashboard>;
