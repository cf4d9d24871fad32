// Processing runs (NACC admin): queue a run or preview (202, processed in the background), list and follow
// them, and compare two finished runs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { wakePublicationNotifier } from './publications.notify.ts';
import { agencyResult, cancelPublication, listPublications, publish } from './publications.service.ts';
import { ZAgencyReport } from './report.schema.ts';
import { agencyReport } from './report.service.ts';
import { reportWorkbook } from './report.xlsx.ts';
import {
  ZAgencyResult,
  ZChangesQuery,
  ZPublication,
  ZPublicationList,
  ZPublicationParams,
  ZPublishBody,
  ZRun,
  ZRunBody,
  ZRunChanges,
  ZRunList,
  ZRunParams,
  ZYearParams,
} from './results.schema.ts';
import { createRun, getRun, listRuns, runChanges } from './results.service.ts';

const tags = ['results'];

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/results/:year/runs',
    {
      schema: {
        tags,
        summary: 'Queue a processing run or a preview of the year (admin); processed in the background',
        description:
          'Answers 202 with the queued run; follow it with GET …/runs/:id. One queued or running run per ' +
          'year, across every instance: a second request answers 409 `run_in_progress`. A run covers all ' +
          'agencies; a preview (dry run) all, a province or one agency, and is never publishable.',
        security: [{ session: [] }],
        params: ZYearParams,
        body: ZRunBody,
        response: { 202: ZRun },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await createRun(app.deps, req.actor, req.params.year, req.body)),
  );

  app.get(
    '/results/:year/runs',
    {
      schema: {
        tags,
        summary: 'Processing runs and previews of the year, newest first, with status and progress (admin)',
        security: [{ session: [] }],
        params: ZYearParams,
        response: { 200: ZRunList },
      },
    },
    async (req) => listRuns(app.deps, req.actor, req.params.year),
  );

  app.get(
    '/results/:year/runs/:id',
    {
      schema: {
        tags,
        summary: 'One processing run: status, progress, framework version, inputs hash (admin)',
        security: [{ session: [] }],
        params: ZRunParams,
        response: { 200: ZRun },
      },
    },
    async (req) => getRun(app.deps, req.actor, req.params.year, req.params.id),
  );

  app.get(
    '/results/:year/runs/:id/changes',
    {
      schema: {
        tags,
        summary: 'Agencies whose total or rating differs from another finished run of the year (admin)',
        security: [{ session: [] }],
        params: ZRunParams,
        querystring: ZChangesQuery,
        response: { 200: ZRunChanges },
      },
    },
    async (req) => runChanges(app.deps, req.actor, req.params.year, req.params.id, req.query.against),
  );

  app.post(
    '/results/:year/publications',
    {
      schema: {
        tags,
        summary:
          'Publish a finished run of the year, now or at a set time (embargo), or supersede one (admin)',
        description:
          'Only a finished run of kind `run` (409 `run_not_publishable`). Superseding the publication in ' +
          'effect needs a `reason`, shown publicly; the earlier publication is kept. One publication may wait ' +
          'for its time (409 `publication_pending`: cancel it first). When it takes effect, the agencies’ ' +
          'admins and executives are e-mailed once and an audit checkpoint is signed.',
        security: [{ session: [] }],
        params: ZYearParams,
        body: ZPublishBody,
        response: { 201: ZPublication },
      },
    },
    async (req, reply) => {
      const { publication, effectiveNow } = await publish(app.deps, req.actor, req.params.year, req.body);
      if (effectiveNow) wakePublicationNotifier();
      return reply.status(201).send(publication);
    },
  );

  app.get(
    '/results/:year/publications',
    {
      schema: {
        tags,
        summary: 'The year’s publications, newest first, with the public reason of each correction',
        description:
          'NACC admins see every publication (embargoed and cancelled too); others those in effect or superseded.',
        security: [{ session: [] }],
        params: ZYearParams,
        response: { 200: ZPublicationList },
      },
    },
    async (req) => listPublications(app.deps, req.actor, req.params.year),
  );

  app.delete(
    '/results/:year/publications/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a publication whose time has not come (admin); kept, marked cancelled, audited',
        security: [{ session: [] }],
        params: ZPublicationParams,
        response: { 200: ZPublication },
      },
    },
    async (req) => cancelPublication(app.deps, req.actor, req.params.year, req.params.id),
  );

  app.get(
    '/agencies/:id/results/:year',
    {
      schema: {
        tags,
        summary: 'The agency’s result of the year from the run its reader may see (404 before publication)',
        description:
          'Whoever reaches the agency (its people, its supervisors, its assessors; NACC). Nothing before the ' +
          'publication takes effect (404 `results_not_published`), except to NACC admins (`basis: embargoed`).',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        response: { 200: ZAgencyResult },
      },
    },
    async (req) => agencyResult(app.deps, req.actor, req.params.id, req.params.year),
  );

  const reportWho =
    'Whoever reaches the agency (its people, its supervisors, its assessors; NACC), from the run the agency’s ' +
    'result route shows them (the same rule): 404 `results_not_published` before the publication takes ' +
    'effect, except to NACC admins (`basis: embargoed`).';

  app.get(
    '/agencies/:id/results/:year/report',
    {
      schema: {
        tags,
        summary: 'The agency’s results report: totals, indicators, instruments, questions, OIT items, advice',
        description:
          `${reportWho} Built from the stored run (never recomputed), the framework’s texts and the ` +
          'previous year (its published run, else its imported result). Question codes as ITAS shows them; ' +
          'the weakest questions of each instrument marked.',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        response: { 200: ZAgencyReport },
      },
    },
    async (req) => agencyReport(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/agencies/:id/results/:year/report.xlsx',
    {
      schema: {
        tags,
        summary: 'The report as one XLSX workbook: a sheet per table, Thai headers, Buddhist-Era dates',
        description: reportWho,
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        response: { 200: z.any().describe('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const report = await agencyReport(app.deps, req.actor, req.params.id, req.params.year);
      const body = await reportWorkbook(report, app.deps.now());
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="ita-report-${report.agency.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${report.year}.xlsx"`,
        )
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
