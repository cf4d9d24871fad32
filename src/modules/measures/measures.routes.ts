// Measures to promote integrity (issue 12 §1–2): the document of an agency-year, its approval chain,
// downloads, progress; the agency's divisions; NACC's library; the supervisors' overview.

import { create as attachment } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZNoBody } from '../../app/input-rules.ts';
import { asciiFileName } from '../../core/measures/evidence-file.ts';
import {
  MEASURE_EVIDENCE_FILE_MAX_BYTES,
  MEASURE_EVIDENCE_FILES_MAX,
  MEASURE_EVIDENCE_TYPES,
} from '../../shared/limits.ts';
import { type DownloadFormat, downloadMeasures, downloadProgress } from './measures.download.ts';
import { downloadEvidence } from './measures.evidence.ts';
import { addProgress, measuresOverview, signProgress } from './measures.progress.ts';
import {
  ZAgencyParams,
  ZDivision,
  ZDivisionBody,
  ZDivisionParams,
  ZDivisionPatch,
  ZEvidenceParams,
  ZExportQuery,
  ZLibraryBody,
  ZLibraryEntry,
  ZLibraryParams,
  ZMeasuresParams,
  ZMeasuresView,
  ZOverview,
  ZOverviewParams,
  ZProgressBody,
  ZSaveBody,
  ZStepBody,
} from './measures.schema.ts';
import {
  createMeasures,
  getMeasures,
  publishMeasures,
  reviseMeasures,
  saveMeasures,
  stepMeasures,
} from './measures.service.ts';
import { formToBody, registerEvidenceUploads, uploadsOf } from './measures.upload.ts';
import {
  createDivision,
  createLibraryEntry,
  listDivisions,
  listLibrary,
  patchDivision,
  putLibraryEntry,
} from './setup.service.ts';

const tags = ['measures'];
const security = [{ session: [] }];
const doc = (summary: string, description: string) => ({ tags, summary, description, security });
const WHO =
  'Read by whoever reaches the agency (its people — staff only read —, supervisors in scope, assigned assessors, NACC).';

export const measuresRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/agencies/:id/measures/:year',
    {
      schema: {
        ...doc(
          'The measures document of the agency for a fiscal year (N+1), with what the reader may do',
          WHO,
        ),
        params: ZMeasuresParams,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => getMeasures(deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/measures/:year',
    {
      schema: {
        ...doc(
          'Draw up the measures from the published result of the year before',
          'The agency admin. Only from a publication in effect of year − 1 (409 `measures_source_not_published`); ' +
            'weak points proposed by the rule of src/core/measures/weak-points.ts. 409 `measures_exist` when a ' +
            'document exists. Audited.',
        ),
        params: ZMeasuresParams,
        body: ZNoBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => createMeasures(deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/measures/:year',
    {
      schema: {
        ...doc(
          'Save the draft: weak points and measures as a whole',
          'The agency admin, while the newest version is a draft (409 `measures_locked` otherwise). With ' +
            '`updatedAt`, a save over a newer one answers 409 `measures_changed`. Audited.',
        ),
        params: ZMeasuresParams,
        body: ZSaveBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => saveMeasures(deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.post(
    '/agencies/:id/measures/:year/steps',
    {
      schema: {
        ...doc(
          'A step of the approval chain: prepare, review, approve, return',
          'prepare: the agency admin; review: an agency admin or the executive, not the one who prepared it; ' +
            'approve: the executive (not the preparer); return (to draft): a reviewer or the executive. ' +
            'Approved versions are locked. Audited.',
        ),
        params: ZMeasuresParams,
        body: ZStepBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => stepMeasures(deps, req.actor, req.params.id, req.params.year, req.body.step),
  );

  app.post(
    '/agencies/:id/measures/:year/revise',
    {
      schema: {
        ...doc('Start a new version from the approved one', 'The agency admin. Audited.'),
        params: ZMeasuresParams,
        body: ZNoBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => reviseMeasures(deps, req.actor, req.params.id, req.params.year),
  );

  app.post(
    '/agencies/:id/measures/:year/publish',
    {
      schema: {
        ...doc(
          'Publish the approved version at its public address',
          'The agency admin; the address (`document.publicPath`) needs no login and serves as the OIT evidence URL ' +
            'of the measures item. Audited.',
        ),
        params: ZMeasuresParams,
        body: ZNoBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => publishMeasures(deps, req.actor, req.params.id, req.params.year),
  );

  for (const format of ['docx', 'pdf'] as const satisfies DownloadFormat[])
    app.get(
      `/agencies/:id/measures/:year/document.${format}`,
      {
        schema: {
          ...doc(
            `The document as ${format.toUpperCase()} (Thai official layout)`,
            `${WHO} PDF is converted on the server (409 \`documents_pdf_unavailable\` without LibreOffice).`,
          ),
          params: ZMeasuresParams,
          querystring: ZExportQuery,
          response: { 200: z.any().describe(format.toUpperCase()) },
        },
      },
      async (req, reply) => {
        const file = await downloadMeasures(
          deps,
          req.actor,
          req.params.id,
          req.params.year,
          format,
          req.query.version,
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );

  // The progress form, with its evidence files: the only route here that reads multipart bodies.
  const progressForm: FastifyPluginAsyncZod = async (form) => {
    await registerEvidenceUploads(form);
    form.post(
      '/agencies/:id/measures/:year/progress',
      {
        preValidation: formToBody,
        schema: {
          ...doc(
            'Record progress on a measure of the approved version, with evidence files',
            'The agency admin. Audited. As JSON, or as `multipart/form-data` (a browser form): the same fields as ' +
              `text parts and up to ${MEASURE_EVIDENCE_FILES_MAX} files in the field \`files\` ` +
              `(${MEASURE_EVIDENCE_TYPES.map((t) => t.label).join(', ')}; each at most ` +
              `${MEASURE_EVIDENCE_FILE_MAX_BYTES / 1024 / 1024} MiB, 413 beyond). The type is read from the bytes: ` +
              'anything else answers 400 `evidence_file_type` and nothing is stored.',
          ),
          consumes: ['application/json', 'multipart/form-data'],
          params: ZMeasuresParams,
          body: ZProgressBody,
          response: { 200: ZMeasuresView },
        },
      },
      async (req) => addProgress(deps, req.actor, req.params.id, req.params.year, req.body, uploadsOf(req)),
    );
  };
  await app.register(progressForm);

  app.get(
    '/agencies/:id/measures/:year/progress/files/:fileId',
    {
      schema: {
        ...doc(
          'Download an evidence file of a progress entry',
          `${WHO} Always as an attachment, with the type read from its bytes when it was uploaded.`,
        ),
        params: ZEvidenceParams,
        response: { 200: z.any().describe('The file') },
      },
    },
    async (req, reply) => {
      const file = await downloadEvidence(deps, req.actor, req.params.id, req.params.year, req.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachment(file.name, { fallback: asciiFileName(file.name) }))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  for (const format of ['docx', 'pdf'] as const satisfies DownloadFormat[])
    app.get(
      `/agencies/:id/measures/:year/progress.${format}`,
      {
        schema: {
          ...doc(
            `The progress report as ${format.toUpperCase()}, with the executive's signature once signed`,
            `${WHO} 409 \`measures_not_approved\` before approval.`,
          ),
          params: ZMeasuresParams,
          response: { 200: z.any().describe(format.toUpperCase()) },
        },
      },
      async (req, reply) => {
        const file = await downloadProgress(deps, req.actor, req.params.id, req.params.year, format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );

  app.post(
    '/agencies/:id/measures/:year/progress/sign',
    {
      schema: {
        ...doc('The executive signs the progress report', 'The executive. Audited.'),
        params: ZMeasuresParams,
        body: ZNoBody,
        response: { 200: ZMeasuresView },
      },
    },
    async (req) => signProgress(deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/agencies/:id/divisions',
    {
      schema: {
        ...doc('The agency’s own divisions (responsible for measures)', WHO),
        params: ZAgencyParams,
        response: { 200: z.array(ZDivision) },
      },
    },
    async (req) => listDivisions(deps, req.actor, req.params.id),
  );

  app.post(
    '/agencies/:id/divisions',
    {
      schema: {
        ...doc('Add a division', 'The agency admin. 409 `division_exists` for a name taken. Audited.'),
        params: ZAgencyParams,
        body: ZDivisionBody,
        response: { 200: ZDivision },
      },
    },
    async (req) => createDivision(deps, req.actor, req.params.id, req.body.name),
  );

  app.patch(
    '/agencies/:id/divisions/:divisionId',
    {
      schema: {
        ...doc('Rename or retire a division', 'The agency admin. Audited.'),
        params: ZDivisionParams,
        body: ZDivisionPatch,
        response: { 200: ZDivision },
      },
    },
    async (req) => patchDivision(deps, req.actor, req.params.id, req.params.divisionId, req.body),
  );

  app.get(
    '/measures/library',
    {
      schema: {
        ...doc('Suggested measures per indicator', 'Every signed-in role (active entries; NACC sees all).'),
        response: { 200: z.array(ZLibraryEntry) },
      },
    },
    async (req) => listLibrary(deps, req.actor),
  );

  app.post(
    '/measures/library',
    {
      schema: {
        ...doc('Add a suggested measure', 'NACC admins. Audited.'),
        body: ZLibraryBody,
        response: { 200: ZLibraryEntry },
      },
    },
    async (req) => createLibraryEntry(deps, req.actor, req.body),
  );

  app.put(
    '/measures/library/:entryId',
    {
      schema: {
        ...doc('Replace a suggested measure (or retire it: active false)', 'NACC admins. Audited.'),
        params: ZLibraryParams,
        body: ZLibraryBody,
        response: { 200: ZLibraryEntry },
      },
    },
    async (req) => putLibraryEntry(deps, req.actor, req.params.entryId, req.body),
  );

  app.get(
    '/measures/overview/:year',
    {
      schema: {
        ...doc(
          'Measures done vs score change, per agency in the reader’s scope',
          'Supervisors (their scope) and NACC. Score change: total of the measures year (once published) − the source year’s.',
        ),
        params: ZOverviewParams,
        response: { 200: ZOverview },
      },
    },
    async (req) => measuresOverview(deps, req.actor, req.params.year),
  );
};
