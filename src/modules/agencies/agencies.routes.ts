// Agency registry routes: each validates with zod and makes one service call.
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, errorResponse, handleError } from '../../app/errors.ts';
import { invalid } from '../../core/errors.ts';
import { AGENCY_IMPORT_MAX_BYTES, AGENCY_IMPORT_MAX_ROWS } from '../../shared/limits.ts';
import { CSV_COLUMNS, CSV_TEMPLATE } from './agencies.csv.ts';
import { agencyCsvTemplate, importAgencies } from './agencies.import.ts';
import {
  ZAgencyCreate,
  ZAgencyDetail,
  ZAgencyId,
  ZAgencyList,
  ZAgencyListQuery,
  ZAgencyPatch,
  ZImportProblem,
  ZImportResult,
} from './agencies.schema.ts';
import { createAgency, getAgency, listAgencies, updateAgency } from './agencies.service.ts';

const tags = ['agencies'];
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  // CSV arrives as the raw body. Decoding strictly catches files saved as Thai Windows-874/TIS-620,
  // which would otherwise import as garbled names.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: AGENCY_IMPORT_MAX_BYTES },
    (_req, body, done) => {
      try {
        done(null, utf8.decode(body as Buffer));
      } catch {
        done(
          invalid(
            'csv_not_utf8',
            'ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกเป็น "CSV UTF-8" แล้วลองใหม่',
            'The file is not UTF-8; save it as "CSV UTF-8" and try again',
          ),
        );
      }
    },
  );

  // The likeliest mistake with the import deserves a clearer message than the generic one.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return handleError(err, req, reply);
    const mib = AGENCY_IMPORT_MAX_BYTES / 1024 / 1024;
    return reply
      .status(413)
      .send(
        errorBody(
          'file_too_large',
          `ไฟล์มีขนาดเกิน ${mib} MB กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์`,
          `The file is larger than ${mib} MiB; split it and import the parts one by one`,
        ),
      );
  });

  app.get(
    '/agencies',
    {
      schema: {
        tags,
        summary: 'Agencies in your scope, searchable and paged',
        querystring: ZAgencyListQuery,
        response: { 200: ZAgencyList },
      },
    },
    async (req) => listAgencies(app.deps, req.actor, req.query),
  );

  app.get(
    '/agencies/import/template',
    {
      schema: {
        tags,
        summary: 'CSV template for the agency import (header and one example row; UTF-8 with BOM for Excel)',
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="agencies-template.csv"')
        .send(agencyCsvTemplate(req.actor)),
  );

  app.post(
    '/agencies/import',
    {
      bodyLimit: AGENCY_IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import agencies from CSV (admin): all rows valid → upsert by code; any problem → nothing imported',
        description: [
          'Send the file itself as the request body with `Content-Type: text/csv` (UTF-8, with or without BOM).',
          `Header row (any order): ${CSV_COLUMNS.join(',')}.`,
          `At most ${AGENCY_IMPORT_MAX_ROWS} rows and ${AGENCY_IMPORT_MAX_BYTES / 1024 / 1024} MiB.`,
          'A row is the whole record: empty optional cells clear stored values. `parent_code` may name an',
          'agency in the registry or in the same file. On 400 `error.details` lists every problem as',
          '`{ row, column, th, en }` (row = line in the file, header = 1).',
        ].join(' '),
        consumes: ['text/csv'],
        body: z.string().min(1).meta({ example: CSV_TEMPLATE }),
        response: {
          200: ZImportResult,
          400: errorResponse(z.array(ZImportProblem)),
        },
      },
    },
    async (req) => importAgencies(app.deps, req.actor, req.body),
  );

  app.get(
    '/agencies/:id',
    {
      schema: {
        tags,
        summary: 'An agency with its parent, ministry, province and participations (403 outside your scope)',
        params: ZAgencyId,
        response: { 200: ZAgencyDetail },
      },
    },
    async (req) => getAgency(app.deps, req.actor, req.params.id),
  );

  app.post(
    '/agencies',
    {
      schema: {
        tags,
        summary: 'Create an agency (admin)',
        body: ZAgencyCreate,
        response: { 201: ZAgencyDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await createAgency(app.deps, req.actor, req.body)),
  );

  app.patch(
    '/agencies/:id',
    {
      schema: {
        tags,
        summary: "Update an agency (admin; the agency's own admin may change only nameEn and website)",
        description:
          'The code is the open data’s stable identifier: once a result of the agency has been published ' +
          '(a publication in effect, superseded or under embargo; `codeLocked` in the detail) a new code is ' +
          'refused with 409 `agency_code_published` and nothing changes.',
        params: ZAgencyId,
        body: ZAgencyPatch,
        response: { 200: ZAgencyDetail },
      },
    },
    async (req) => updateAgency(app.deps, req.actor, req.params.id, req.body),
  );
};
