// Admin side of IIT access: /api/agencies/:id/iit-access/:year/…
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAgencyYearParams } from '../agencies/index.ts';
import {
  ZGenerateTokensBody,
  ZIitAccess,
  ZTokenBatchList,
  ZTokensRequiredBody,
} from './iit-access.schema.ts';
import {
  generateTokens,
  getIitAccess,
  iitPoster,
  iitQr,
  listTokenBatches,
  rotateAccessCode,
  setTokensRequired,
} from './iit-access.service.ts';

const base = '/agencies/:id/iit-access/:year';
const tags = ['iit-access'];
const binary = z.any().describe('binary file');
const attachment = (name: string) => `attachment; filename="${name}"`;

export const iitAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The agency's IIT access code and respondent link (created on first read)",
        params: ZAgencyYearParams,
        response: { 200: ZIitAccess },
      },
    },
    async (req) => getIitAccess(deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    `${base}/rotate`,
    {
      schema: {
        tags,
        summary: 'Replace the access code; the old code stops working at once',
        params: ZAgencyYearParams,
        response: { 200: ZIitAccess },
      },
    },
    async (req) => rotateAccessCode(deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    `${base}/tokens-required`,
    {
      schema: {
        tags,
        summary: 'Require a single-use token besides the access code (or not)',
        params: ZAgencyYearParams,
        body: ZTokensRequiredBody,
        response: { 200: ZIitAccess },
      },
    },
    async (req) => setTokensRequired(deps, req.actor, req.params.id, req.params.year, req.body.required),
  );

  for (const format of ['png', 'svg'] as const) {
    app.get(
      `${base}/qr.${format}`,
      {
        schema: {
          tags,
          summary: `QR code of the respondent link (${format.toUpperCase()})`,
          params: ZAgencyYearParams,
        },
      },
      async (req, reply) => {
        const body = await iitQr(deps, req.actor, req.params.id, req.params.year, format);
        return reply
          .type(format === 'png' ? 'image/png' : 'image/svg+xml')
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }

  for (const format of ['pdf', 'png'] as const) {
    app.get(
      `${base}/poster.${format}`,
      {
        schema: {
          tags,
          summary: `Printable A4 poster in Thai: QR, link, access code, instructions (${format.toUpperCase()})`,
          params: ZAgencyYearParams,
          response: { 200: binary },
        },
      },
      async (req, reply) => {
        const body = await iitPoster(deps, req.actor, req.params.id, req.params.year, format);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : 'image/png')
          .header('content-disposition', attachment(`iit-poster-${req.params.year}.${format}`))
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  }

  app.get(
    `${base}/tokens`,
    {
      schema: {
        tags,
        summary: 'Token batches with the number issued (how many were used is not knowable by design)',
        params: ZAgencyYearParams,
        response: { 200: ZTokenBatchList },
      },
    },
    async (req) => listTokenBatches(deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    `${base}/tokens`,
    {
      schema: {
        tags,
        summary: 'Issue single-use tokens; the printable slips (PDF) are returned once and never stored',
        params: ZAgencyYearParams,
        body: ZGenerateTokensBody,
        response: { 200: binary },
      },
    },
    async (req, reply) => {
      const { batchId, pdf } = await generateTokens(
        deps,
        req.actor,
        req.params.id,
        req.params.year,
        req.body.count,
      );
      return reply
        .type('application/pdf')
        .header('x-batch-id', batchId)
        .header('content-disposition', attachment(`iit-tokens-${req.params.year}-${batchId.slice(0, 8)}.pdf`))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
