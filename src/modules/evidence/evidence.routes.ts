// Evidence routes: a snapshot, its kept body (served sandboxed), an agency-year's snapshots, a re-check.

import { gunzipSync } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptsGzip } from '../../app/prebuilt.ts';
import { keptCopyDisplay } from '../../core/oit/evidence-text.ts';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { ZEvidenceListQuery, ZSnapshotDetail, ZSnapshotList, ZSnapshotParams } from './evidence.schema.ts';
import { getSnapshot, listEvidence, snapshotBody } from './evidence.service.ts';

const tags = ['evidence'];

/**
 * A kept page is someone else's HTML served from our origin: the sandbox (no scripts, no forms, a unique
 * origin, so no cookies or API calls as the viewer) and `default-src 'none'` (no requests at all: nothing
 * leaks to third parties) make it inert; inline styles and data: images keep it readable; only our own pages
 * may frame it. nosniff holds the browser to the stored type.
 */
export const BODY_CSP =
  "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/evidence/:snapshotId',
    {
      schema: {
        tags,
        summary: 'One evidence snapshot: verdict, status, redirects, title, year mention, main domain',
        security: [{ session: [] }],
        params: ZSnapshotParams,
        response: { 200: ZSnapshotDetail },
      },
    },
    async (req) => getSnapshot(app.deps, req.actor, req.params.snapshotId),
  );

  app.get(
    '/evidence/:snapshotId/body',
    {
      schema: {
        tags,
        summary: 'The kept copy of the page, as fetched (sandboxed: no scripts, no outside requests)',
        description:
          'Served with the stored content type, `Content-Security-Policy: sandbox; default-src none…` and ' +
          '`X-Content-Type-Options: nosniff`; gzip-encoded when the client accepts it. PDFs as a download ' +
          '(browsers will not show a PDF in a sandbox). 404 when no copy was kept.',
        security: [{ session: [] }],
        params: ZSnapshotParams,
      },
    },
    async (req, reply) => {
      const kept = await snapshotBody(app.deps, req.actor, req.params.snapshotId);
      reply
        .header('content-type', kept.contentType)
        .header('content-security-policy', BODY_CSP)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          keptCopyDisplay(kept.contentType) === 'download'
            ? `attachment; filename="evidence-${req.params.snapshotId}.pdf"`
            : 'inline',
        )
        .header('cache-control', 'private, max-age=3600')
        .header('vary', 'Accept-Encoding');
      if (acceptsGzip(req.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(kept.gzip);
      }
      return reply.send(gunzipSync(kept.gzip));
    },
  );

  app.get(
    '/agencies/:id/oit/:year/evidence',
    {
      schema: {
        tags,
        summary: 'Every evidence snapshot of an agency’s year, newest first',
        security: [{ session: [] }],
        params: ZAgencyYearParams,
        querystring: ZEvidenceListQuery,
        response: { 200: ZSnapshotList },
      },
    },
    async (req) => listEvidence(app.deps, req.actor, req.params.id, req.params.year, req.query),
  );
};
