// Provincial plans (issue 12 §3): the supervisors' plan per province or ministry and fiscal year.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZPlan,
  ZPlanBody,
  ZPlanExportParams,
  ZPlanExportQuery,
  ZPlanList,
  ZPlanParams,
  ZPlanYearParams,
} from './plans.schema.ts';
import { exportPlan, getPlan, listPlans, putPlan } from './plans.service.ts';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

const tags = ['plans'];
const who =
  'The supervisors of the province or ministry write its plan; NACC admins read every plan. Agencies do not ' +
  'read plans (403).';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:year',
    {
      schema: {
        tags,
        summary: 'The year’s plans the viewer may read',
        description:
          'A supervisor gets every province and ministry of their scope (`exists: false` until its plan is ' +
          'first saved); a NACC admin every saved plan. Other roles 403.',
        security: [{ session: [] }],
        params: ZPlanYearParams,
        response: { 200: ZPlanList },
      },
    },
    async (req) => listPlans(app.deps, req.actor, req.params.year),
  );

  app.get(
    '/plans/:year/:kind/:code',
    {
      schema: {
        tags,
        summary: 'A province’s or ministry’s plan for the year, with the template resolved for that year',
        description: `${who} The template's periods follow the year's framework calendar where an activity follows a stage.`,
        security: [{ session: [] }],
        params: ZPlanParams,
        response: { 200: ZPlan },
      },
    },
    async (req) => getPlan(app.deps, req.actor, req.params.year, req.params),
  );

  app.put(
    '/plans/:year/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Save the plan: the whole list of activities, in order',
        description:
          `${who} \`version\` is the one read (0 for a new plan); a save over a newer one answers 409 ` +
          '`plan_changed`. Periods must lie within a year of the fiscal year (400 `plan_period_outside_year`, ' +
          'the activities in `details`). Audited.',
        security: [{ session: [] }],
        params: ZPlanParams,
        body: ZPlanBody,
        response: { 200: ZPlan },
      },
    },
    async (req) => putPlan(app.deps, req.actor, req.params.year, req.params, req.body),
  );

  app.get(
    '/plans/:year/:kind/:code/export.:format',
    {
      schema: {
        tags,
        summary: 'The saved plan as a Thai official document: DOCX, or PDF',
        description:
          `${who} Cover, the activities table (ลำดับ | กิจกรรม/การดำเนินงาน | ระยะเวลา | หน่วยงานผู้รับผิดชอบ | สถานะ), ` +
          'the notes and the year’s framework calendar; Sarabun 16 pt, Buddhist-Era dates, Thai digits unless ' +
          '`digits=arabic`. 404 `plan_not_found` before the first save; PDF needs LibreOffice on the server ' +
          '(409 `documents_pdf_unavailable` otherwise).',
        security: [{ session: [] }],
        params: ZPlanExportParams,
        querystring: ZPlanExportQuery,
        response: { 200: z.any().describe('The DOCX or PDF file') },
      },
    },
    async (req, reply) => {
      const { format, ...ref } = req.params;
      const file = await exportPlan(app.deps, req.actor, ref.year, ref, format, req.query.digits === 'thai');
      return reply
        .type(TYPES[format])
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};
