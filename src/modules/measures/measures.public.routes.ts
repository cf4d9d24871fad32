// The published measures document, for anyone (no login, public API scope, rate-limited like the public
// results): the address an agency gives as the OIT evidence of the measures item.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type DownloadFormat, publicMeasures } from './measures.download.ts';
import { ZPublicParams } from './measures.schema.ts';

/** Per address: lower than the public results' reads, as each PDF is a LibreOffice conversion. */
const PUBLIC_DOCUMENT_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

export const publicMeasuresRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of ['pdf', 'docx'] as const satisfies DownloadFormat[])
    app.get(
      `/public/measures/:documentId/document.${format}`,
      {
        config: { rateLimit: PUBLIC_DOCUMENT_RATE_LIMIT },
        schema: {
          tags: ['measures'],
          summary: `A published measures document as ${format.toUpperCase()} (no login)`,
          description:
            'Only versions the agency published (404 `measures_not_published` otherwise). PDF converted on the ' +
            'server (409 `documents_pdf_unavailable` without LibreOffice: the DOCX address still works).',
          params: ZPublicParams,
          response: { 200: z.any().describe(format.toUpperCase()) },
        },
      },
      async (req, reply) => {
        const file = await publicMeasures(app.deps, req.params.documentId, format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `inline; filename="${file.filename}"`)
          .header('cache-control', 'public, max-age=300')
          .send(file.body);
      },
    );
};
