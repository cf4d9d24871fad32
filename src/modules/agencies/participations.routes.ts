// Participation per fiscal year and cycle opening.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZParticipation } from './agencies.schema.ts';
import { ZAgencyYearParams } from './agency-year.schema.ts';
import {
  ZCycleSummary,
  ZOpenCycleBody,
  ZOpenCycleResult,
  ZParticipationList,
  ZRegistrationBody,
  ZYearParam,
} from './participations.schema.ts';
import { cycleSummary, listParticipations, openCycleFor, setRegistration } from './participations.service.ts';

export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agencies/:id/participations',
    {
      schema: {
        tags: ['participation'],
        summary: "An agency's participation in each fiscal year (newest first)",
        params: z.object({ id: z.uuid() }),
        response: { 200: ZParticipationList },
      },
    },
    async (req) => ({ items: await listParticipations(app.deps, req.actor, req.params.id) }),
  );

  app.put(
    '/agencies/:id/participations/:year',
    {
      schema: {
        tags: ['participation'],
        summary:
          'Register for an open cycle (admin, or the agency’s own admin); withdrawing (registered=false) is admin only',
        params: ZAgencyYearParams,
        body: ZRegistrationBody,
        response: { 200: ZParticipation },
      },
    },
    async (req) => setRegistration(app.deps, req.actor, req.params.id, req.params.year, req.body.registered),
  );

  app.post(
    '/cycles/:year/open',
    {
      schema: {
        tags: ['participation'],
        summary: 'Open a fiscal year for active agencies (admin; the year needs a framework loaded)',
        params: ZYearParam,
        body: ZOpenCycleBody,
        response: { 200: ZOpenCycleResult },
      },
    },
    async (req) => openCycleFor(app.deps, req.actor, req.params.year, req.body.filter),
  );

  app.get(
    '/cycles/:year/summary',
    {
      schema: {
        tags: ['participation'],
        summary: 'Agencies open and registered for a year, within your scope',
        params: ZYearParam,
        response: { 200: ZCycleSummary },
      },
    },
    async (req) => cycleSummary(app.deps, req.actor, req.params.year),
  );
};
