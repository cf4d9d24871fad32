// The progress form as a browser sends it with evidence files (multipart/form-data): its text fields become
// the same JSON body the route validates, its files (field `files`, repeated) are kept aside for the service.
// Limits come from src/shared/limits.ts; a file over the size limit or one too many stops the upload with
// 413 before the service runs (nothing is stored).
import multipart, { type Multipart, type MultipartFields } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, handleError } from '../../app/errors.ts';
import { invalid } from '../../core/errors.ts';
import { MEASURE_EVIDENCE_FILE_MAX_BYTES, MEASURE_EVIDENCE_FILES_MAX } from '../../shared/limits.ts';
import { EVIDENCE_TOO_LARGE, EVIDENCE_TOO_MANY } from './measures.errors.ts';
import type { EvidenceUpload } from './measures.evidence.ts';

const FORM_FIELDS = ['measureId', 'day', 'status', 'note', 'evidenceUrl'] as const;
const FIELD_MAX_BYTES = 16 * 1024;

const uploads = new WeakMap<FastifyRequest, EvidenceUpload[]>();

/** The files a request brought (none for a JSON body). */
export const uploadsOf = (req: FastifyRequest): EvidenceUpload[] => uploads.get(req) ?? [];

const badForm = (field: string) =>
  invalid('bad_form', 'แบบฟอร์มที่ส่งมาไม่ถูกต้อง', 'The form is not valid', [
    { path: `body.${field}`, message: 'unexpected or too long' },
  ]);

export async function registerEvidenceUploads(app: FastifyInstance) {
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: {
      fileSize: MEASURE_EVIDENCE_FILE_MAX_BYTES,
      files: MEASURE_EVIDENCE_FILES_MAX,
      fields: FORM_FIELDS.length,
      fieldSize: FIELD_MAX_BYTES,
      parts: MEASURE_EVIDENCE_FILES_MAX + FORM_FIELDS.length + 1,
    },
    throwFileSizeLimit: true,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE')
      return reply.status(413).send(errorBody(...EVIDENCE_TOO_LARGE));
    if (err.code === 'FST_FILES_LIMIT') return reply.status(413).send(errorBody(...EVIDENCE_TOO_MANY));
    return handleError(err, req, reply);
  });
}

/** preValidation of the progress route: a multipart body becomes the JSON body, its files kept aside. */
export async function formToBody(req: FastifyRequest) {
  if (!req.isMultipart()) return;
  const parts = (req.body ?? {}) as MultipartFields;
  const body: Record<string, unknown> = {};
  const files: EvidenceUpload[] = [];
  for (const [name, value] of Object.entries(parts)) {
    for (const part of ([] as Multipart[]).concat(value ?? [])) {
      if (part.type === 'file') {
        if (name !== 'files') throw badForm(name);
        files.push({ filename: part.filename, data: await part.toBuffer() });
      } else {
        if (part.valueTruncated || name in body) throw badForm(name);
        body[name] = part.value;
      }
    }
  }
  // A form sends an empty box as "": no link.
  if (body.evidenceUrl === undefined || body.evidenceUrl === '') body.evidenceUrl = null;
  req.body = body;
  uploads.set(req, files);
}
