// The cycle screen's routes: a year's stages, closure and extensions; extensions for many agencies; closing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZBulkExtensionBody,
  ZBulkExtensionResult,
  ZCloseCycleBody,
  ZCycleCalendar,
  ZCycleYearParams,
} from './cycles.schema.ts';
import { closeCycle, cycleCalendar, extendMany, reopenCycle } from './cycles.service.ts';

const tags = ['calendar'];

export const cycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cycles/:year/calendar',
    {
      schema: {
        tags,
        summary:
          "The year's stages (server time, the one rule), its closure and the extensions in your scope (NACC, supervisors)",
        params: ZCycleYearParams,
        response: { 200: ZCycleCalendar },
      },
    },
    async (req) => cycleCalendar(app.deps, req.actor, req.params.year),
  );

  app.post(
    '/cycles/:year/extensions',
    {
      schema: {
        tags,
        summary:
          'Extend a stage for one agency, a province, an agency type or every participating agency (NACC admin; all or nothing, each audited)',
        params: ZCycleYearParams,
        body: ZBulkExtensionBody,
        response: { 200: ZBulkExtensionResult },
      },
    },
    async (req) => extendMany(app.deps, req.actor, req.params.year, req.body),
  );

  app.put(
    '/cycles/:year/closure',
    {
      schema: {
        tags,
        summary: 'Close the year (NACC admin; audited): no stage stays open for any agency',
        params: ZCycleYearParams,
        body: ZCloseCycleBody,
        response: { 200: ZCycleCalendar },
      },
    },
    async (req) => closeCycle(app.deps, req.actor, req.params.year, req.body.reason),
  );

  app.delete(
    '/cycles/:year/closure',
    {
      schema: {
        tags,
        summary: 'Reopen a closed year (NACC admin; audited); the stage dates and extensions apply again',
        params: ZCycleYearParams,
        response: { 200: ZCycleCalendar },
      },
    },
    async (req) => reopenCycle(app.deps, req.actor, req.params.year),
  );
};
