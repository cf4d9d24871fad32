// Stakeholder data, the EIT part-2 contact list and collection progress. Each route makes one service call.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, errorResponse, handleError } from '../../app/errors.ts';
import { invalid } from '../../core/errors.ts';
import { EIT_CONTACTS_MAX_BYTES, EIT_CONTACTS_MAX_ROWS } from '../../shared/limits.ts';
import { ZAgencyYearParams } from '../agencies/index.ts';
import { CONTACT_COLUMNS, CONTACTS_TEMPLATE } from './contacts.parse.ts';
import { type ContactFile, contactsTemplate, listContacts, uploadContacts } from './contacts.service.ts';
import { agencyProgress, scopeProgress } from './progress.service.ts';
import {
  ZAgencyProgress,
  ZContactPage,
  ZContactProblem,
  ZContactsQuery,
  ZContactsUploadResult,
  ZProgressList,
  ZProgressListQuery,
  ZStakeholderBody,
  ZStakeholderData,
  ZYearParams,
} from './stakeholders.schema.ts';
import { approveStakeholders, getStakeholders, putStakeholders } from './stakeholders.service.ts';

const tags = ['stakeholders'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const utf8 = new TextDecoder('utf-8', { fatal: true });
const notUtf8 = () =>
  invalid(
    'csv_not_utf8',
    'ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกเป็น "CSV UTF-8" แล้วลองใหม่',
    'The file is not UTF-8; save it as "CSV UTF-8" and try again',
  );

export const stakeholderRoutes: FastifyPluginAsyncZod = async (app) => {
  // The contact file is the raw request body: CSV as UTF-8 text, XLSX as bytes. Decoding strictly catches
  // files saved as Thai Windows-874, which would otherwise import garbled names.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: EIT_CONTACTS_MAX_BYTES },
    (_req, body, done) => {
      try {
        done(null, { kind: 'csv', text: utf8.decode(body as Buffer) } satisfies ContactFile);
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
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: EIT_CONTACTS_MAX_BYTES },
    (_req, body, done) => done(null, { kind: 'xlsx', data: body as Buffer } satisfies ContactFile),
  );

  // Browsers upload through a form (multipart/form-data, one field `file`); the kind follows the file's name.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: EIT_CONTACTS_MAX_BYTES, files: 1, fields: 0 },
    throwFileSizeLimit: true,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code !== 'FST_ERR_CTP_BODY_TOO_LARGE' && err.code !== 'FST_REQ_FILE_TOO_LARGE')
      return handleError(err, req, reply);
    const mib = EIT_CONTACTS_MAX_BYTES / 1024 / 1024;
    return reply
      .status(413)
      .send(errorBody('file_too_large', `ไฟล์มีขนาดเกิน ${mib} MB`, `The file is larger than ${mib} MiB`));
  });

  app.get(
    '/agencies/:id/stakeholders/:year',
    {
      schema: {
        tags,
        summary:
          'Stakeholder numbers, approval state, contact-list size and minimum samples (anyone with the agency in scope)',
        params: ZAgencyYearParams,
        response: { 200: ZStakeholderData },
      },
    },
    async (req) => getStakeholders(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.put(
    '/agencies/:id/stakeholders/:year',
    {
      schema: {
        tags,
        summary:
          'Enter the IIT and EIT populations (agency admin, admin); a change needs the executive’s approval again',
        params: ZAgencyYearParams,
        body: ZStakeholderBody,
        response: { 200: ZStakeholderData },
      },
    },
    async (req) => putStakeholders(app.deps, req.actor, req.params.id, req.params.year, req.body),
  );

  app.post(
    '/agencies/:id/stakeholders/:year/approve',
    {
      schema: {
        tags,
        summary:
          'Approve the current revision (the agency’s executive, admin); 409 when there is nothing to approve',
        params: ZAgencyYearParams,
        response: { 200: ZStakeholderData },
      },
    },
    async (req) => approveStakeholders(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/agencies/:id/stakeholders/:year/contacts/template',
    {
      schema: {
        tags,
        summary:
          'CSV template of the EIT part-2 contact list (header and examples; UTF-8 with BOM for Excel)',
        params: ZAgencyYearParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="eit-contacts-template.csv"')
        .send(await contactsTemplate(app.deps, req.actor, req.params.id)),
  );

  app.post(
    '/agencies/:id/stakeholders/:year/contacts',
    {
      bodyLimit: EIT_CONTACTS_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Replace the EIT part-2 contact list (agency admin, admin): every row valid → replaced; any problem → nothing imported',
        description: [
          `Send the file itself as the request body: \`Content-Type: text/csv\` (UTF-8) or \`${XLSX_TYPE}\` (first sheet);`,
          'or as `multipart/form-data` with one field `file` (a .csv or .xlsx file, as a browser form sends it).',
          `Columns: ${CONTACT_COLUMNS.join(', ')} (Thai headers accepted); a phone or an e-mail per row.`,
          `At most ${EIT_CONTACTS_MAX_ROWS} rows and ${EIT_CONTACTS_MAX_BYTES / 1024 / 1024} MiB.`,
          'On 400 `error.details` lists every problem as `{ row, column, th, en }` (header = row 1).',
          '409 once the assessor has drawn the EIT part-2 sample. A new list needs the executive’s approval again.',
        ].join(' '),
        consumes: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
        params: ZAgencyYearParams,
        body: z
          .custom<ContactFile | { file: MultipartFile }>(
            (v) => typeof v === 'object' && v !== null && ('kind' in v || 'file' in v),
            { message: 'Send a CSV or XLSX file as the body' },
          )
          .meta({ type: 'string', format: 'binary', example: CONTACTS_TEMPLATE }),
        response: {
          200: ZContactsUploadResult,
          400: errorResponse(z.array(ZContactProblem)),
        },
      },
    },
    async (req) =>
      uploadContacts(app.deps, req.actor, req.params.id, req.params.year, await fromForm(req.body)),
  );

  app.get(
    '/agencies/:id/stakeholders/:year/contacts',
    {
      schema: {
        tags,
        summary: 'The EIT part-2 contact list, paged (agency admin, executive, assigned assessor, admin)',
        params: ZAgencyYearParams,
        querystring: ZContactsQuery,
        response: { 200: ZContactPage },
      },
    },
    async (req) => listContacts(app.deps, req.actor, req.params.id, req.params.year, req.query),
  );

  app.get(
    '/agencies/:id/progress/:year',
    {
      schema: {
        tags: ['progress'],
        summary:
          'Responses counted / minimum sample per survey instrument, and the stakeholder-data state (no scores)',
        params: ZAgencyYearParams,
        response: { 200: ZAgencyProgress },
      },
    },
    async (req) => agencyProgress(app.deps, req.actor, req.params.id, req.params.year),
  );

  app.get(
    '/progress/:year',
    {
      schema: {
        tags: ['progress'],
        summary:
          'Progress of every agency in your scope (supervisors, assessors, admins), furthest behind first',
        params: ZYearParams,
        querystring: ZProgressListQuery,
        response: { 200: ZProgressList },
      },
    },
    async (req) => scopeProgress(app.deps, req.actor, req.params.year, req.query),
  );
};

/** A browser form's file as the service's ContactFile: .xlsx by name or type, anything else read as CSV. */
async function fromForm(body: ContactFile | { file: MultipartFile }): Promise<ContactFile> {
  if ('kind' in body) return body;
  const { file } = body;
  const data = await file.toBuffer();
  if (file.mimetype === XLSX_TYPE || /\.xlsx$/i.test(file.filename)) return { kind: 'xlsx', data };
  try {
    return { kind: 'csv', text: utf8.decode(data) };
  } catch {
    throw notUtf8();
  }
}
