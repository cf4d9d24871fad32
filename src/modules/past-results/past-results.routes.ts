// Past years' published results: the import (NACC admin) and each agency's year-over-year line.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, errorResponse, handleError } from '../../app/errors.ts';
import { invalid } from '../../core/errors.ts';
import { PAST_RESULTS_MAX_BYTES, PAST_RESULTS_MAX_ROWS } from '../../shared/limits.ts';
import {
  ZCompareQuery,
  ZImportQuery,
  ZImportReport,
  ZPastResultsLine,
  ZYearComparison,
} from './past-results.schema.ts';
import { comparePastYears, importPastResults, pastResultsLine } from './past-results.service.ts';
import type { PastResultsFile } from './past-results.sheet.ts';

const tags = ['past-results'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const utf8 = new TextDecoder('utf-8', { fatal: true });
const notUtf8 = () =>
  invalid(
    'csv_not_utf8',
    'ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกเป็น "CSV UTF-8" แล้วลองใหม่',
    'The file is not UTF-8; save it as "CSV UTF-8" and try again',
  );
const ZAgencyParams = z.strictObject({ id: z.uuid() });
const EXAMPLE =
  'รหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ,IIT,EIT,OIT,คะแนนรวม,ระดับผลการประเมิน\r\nSAO-001,อบต.ตัวอย่าง,2566,90,88.5,80,85.55,ผ่าน\r\n';

type Body = PastResultsFile | { file: MultipartFile };

export const pastResultsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file is the raw request body (CSV as UTF-8 text, XLSX as bytes) or a browser form's one file.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: PAST_RESULTS_MAX_BYTES },
    (_req, body, done) => {
      try {
        done(null, {
          kind: 'csv',
          name: 'upload.csv',
          text: utf8.decode(body as Buffer),
        } satisfies PastResultsFile);
      } catch {
        done(notUtf8());
      }
    },
  );
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: PAST_RESULTS_MAX_BYTES },
    (_req, body, done) =>
      done(null, { kind: 'xlsx', name: 'upload.xlsx', data: body as Buffer } satisfies PastResultsFile),
  );
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: PAST_RESULTS_MAX_BYTES, files: 1, fields: 0 },
    throwFileSizeLimit: true,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE' && err.code !== 'FST_REQ_FILE_TOO_LARGE')
      return handleError(err, req, reply);
    const mib = PAST_RESULTS_MAX_BYTES / 1024 / 1024;
    return reply
      .status(413)
      .send(
        errorBody(
          'file_too_large',
          `ไฟล์มีขนาดเกิน ${mib} MB กรุณาแบ่งไฟล์`,
          `The file is larger than ${mib} MiB; split it`,
        ),
      );
  });

  app.post(
    '/past-results/import',
    {
      bodyLimit: PAST_RESULTS_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import results published before this system (NACC admin): a row-by-row report; every row valid → stored, any problem → nothing stored',
        description: [
          `Send the file as the request body (\`Content-Type: text/csv\`, UTF-8, or \`${XLSX_TYPE}\`, first sheet),`,
          'or as `multipart/form-data` with one field `file` (.csv or .xlsx).',
          'Columns (Thai or English headers): agency_code | รหัสหน่วยงาน, fiscal_year | ปีงบประมาณ (B.E.),',
          'total | คะแนนรวม, rating | ระดับผลการประเมิน; optional instrument columns (IIT, EIT, EIT1, EIT2, OIT)',
          'and indicator_<n> | ตัวชี้วัดที่ <n>. `dryRun=true` only reports. An agency-year already stored is a',
          'conflict unless `replace=true`. On 400 `error.details` is the same report as a dry run gives.',
          `At most ${PAST_RESULTS_MAX_ROWS} rows and ${PAST_RESULTS_MAX_BYTES / 1024 / 1024} MiB.`,
        ].join(' '),
        consumes: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
        querystring: ZImportQuery,
        body: z
          .custom<Body>((v) => typeof v === 'object' && v !== null && ('kind' in v || 'file' in v), {
            message: 'Send a CSV or XLSX file as the body',
          })
          .meta({ type: 'string', format: 'binary', example: EXAMPLE }),
        response: { 200: ZImportReport, 400: errorResponse(ZImportReport) },
      },
    },
    async (req) => importPastResults(app.deps, req.actor, await fromForm(req.body), req.query),
  );

  app.get(
    '/agencies/:id/past-results',
    {
      schema: {
        tags,
        summary:
          "The agency's results published before this system, year by year (whoever may read the agency)",
        params: ZAgencyParams,
        response: { 200: ZPastResultsLine },
      },
    },
    async (req) => pastResultsLine(app.deps, req.actor, req.params.id),
  );

  app.get(
    '/agencies/:id/past-results/compare',
    {
      schema: {
        tags,
        summary:
          'Two of the agency’s past years side by side: total, rating and indicators matched through the crosswalk',
        params: ZAgencyParams,
        querystring: ZCompareQuery,
        response: { 200: ZYearComparison },
      },
    },
    async (req) => comparePastYears(app.deps, req.actor, req.params.id, req.query),
  );
};

/** A browser form's file: .xlsx by name or type, anything else read as CSV. */
async function fromForm(body: Body): Promise<PastResultsFile> {
  if ('kind' in body) return body;
  const { file } = body;
  const data = await file.toBuffer();
  const name = file.filename || 'upload';
  if (file.mimetype === XLSX_TYPE || /\.xlsx$/i.test(name)) return { kind: 'xlsx', name, data };
  try {
    return { kind: 'csv', name, text: utf8.decode(data) };
  } catch {
    throw notUtf8();
  }
}
