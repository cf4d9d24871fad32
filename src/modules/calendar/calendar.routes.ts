// Calendar routes: an agency's stages with effective dates; extensions by NACC admins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZAgencyCalendar, ZExtensionBody, ZStageCode } from './calendar.schema.ts';
import { agencyCalendar, extendStage, removeExtension } from './calendar.service.ts';

const tags = ['calendar'];
const ZExtensionParams = ZAgencyYearParams.extend({ stage: ZStageCode });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies/:id/calendar/:year',
    {
      schema: {
        tags,
        summary: "The year's stages for an agency, with extensions applied, and which are open now",
        params: ZAgencyYearParams,
        response: { 200: ZAgencyCalendar },
      },
    },
    async (req) => agencyCalendar(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/calendar/:year/extensions/:stage',
    {
      schema: {
        tags,
        summary:
          'Extend a stage for one agency (NACC admin; audited). The stage ends at the end of endsOn, Bangkok time',
        params: ZExtensionParams,
        body: ZExtensionBody,
        response: { 200: ZAgencyCalendar },
      },
    },
    async (req) => {
      const { id, year, stage } = req.params;
      return extendStage(app.deps, req.actor, { agencyId: id, year, stage }, req.body);
    },
  );

  app.delete(
    '/agencies/:id/calendar/:year/extensions/:stage',
    {
      schema: {
        tags,
        summary:
          "Remove a stage's extension for one agency (NACC admin; audited); the framework's dates apply again",
        params: ZExtensionParams,
        response: { 200: ZAgencyCalendar },
      },
    },
    async (req) => {
      const { id, year, stage } = req.params;
      return removeExtension(app.deps, req.actor, { agencyId: id, year, stage });
    },
  );
};
