// Maps every error to one JSON shape, in Thai and English, without stack traces: domain errors, validation,
// Fastify's own errors (FST_ERR_*, raised while reading the body, routing or validating), plugin errors,
// and the errors Node's HTTP parser raises before any route is found (clientErrorHandler). Server errors are
// logged as a safe summary (errorSummary): never a query's parameters, a request body or a header.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import { errorSummary } from './log-safe.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; th: string; en: string; details?: unknown };
}

export function errorBody(code: string, th: string, en: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, th, en } : { code, th, en, details } };
}

/** A refused request field: where (`body.items.0.name`) and why. The details of `invalid_request`. */
export const ZFieldIssue = z.object({ path: z.string(), message: z.string() });

/** The documented error shape, for routes that describe their error details in OpenAPI. */
export function errorResponse(details?: ZodType) {
  const fieldIssues = z.array(ZFieldIssue);
  return z.object({
    error: z.object({
      code: z.string(),
      th: z.string(),
      en: z.string(),
      details: (details ? z.union([details, fieldIssues]) : fieldIssues).optional(),
    }),
  });
}

type Message = readonly [code: string, th: string, en: string];

/** Our words for each client-error status, whichever part of the stack raised it. */
const BY_STATUS: Record<number, Message> = {
  400: ['bad_request', 'คำขอไม่ถูกต้อง', 'The request is not valid'],
  401: ['unauthenticated', 'กรุณาเข้าสู่ระบบ', 'Please sign in'],
  403: ['forbidden', 'คุณไม่มีสิทธิ์ดำเนินการนี้', 'You are not allowed to do this'],
  404: ['not_found', 'ไม่พบสิ่งที่ขอ', 'Not found'],
  405: ['method_not_allowed', 'ไม่รองรับวิธีการเรียกนี้', 'This method is not allowed here'],
  406: ['not_acceptable', 'ไม่รองรับรูปแบบข้อมูลที่ขอ', 'The requested format is not available'],
  408: ['request_timeout', 'ส่งคำขอช้าเกินไป กรุณาลองใหม่', 'The request took too long; please try again'],
  409: ['conflict', 'ข้อมูลขัดแย้งกับสถานะปัจจุบัน', 'The request conflicts with the current state'],
  411: ['length_required', 'คำขอต้องระบุความยาวของข้อมูล', 'The request must state its length'],
  413: ['payload_too_large', 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', 'The request body is too large'],
  414: ['uri_too_long', 'ที่อยู่ที่ขอยาวเกินไป', 'The address is too long'],
  415: ['unsupported_media_type', 'ไม่รองรับรูปแบบข้อมูลที่ส่งมา', 'This content type is not accepted here'],
  416: ['range_not_satisfiable', 'ช่วงข้อมูลที่ขอไม่ถูกต้อง', 'The requested range cannot be served'],
  429: ['rate_limited', 'มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่', 'Too many requests; please wait a moment'],
  431: ['headers_too_large', 'ส่วนหัวของคำขอมีขนาดใหญ่เกินไป', 'The request headers are too large'],
};

/** Errors with a message more precise than their status's (Fastify core, multipart, CSRF). */
const BY_CODE: Record<string, readonly [status: number, ...Message]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [
    400,
    'invalid_json',
    'ข้อมูล JSON ที่ส่งมาไม่ถูกต้อง',
    'The body is not valid JSON',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'invalid_json',
    'ข้อมูล JSON ที่ส่งมาว่างเปล่า',
    'The body is empty but declared as JSON',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad_content_length',
    'ความยาวข้อมูลที่แจ้งไม่ตรงกับข้อมูลที่ส่ง',
    'The declared length does not match the body',
  ],
  FST_ERR_BAD_URL: [400, 'bad_url', 'ที่อยู่ที่ขอไม่ถูกต้อง', 'The address is not valid'],
  FST_ERR_MAX_PARAM_LENGTH: [414, ...(BY_STATUS[414] as Message)],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    415,
    'not_multipart',
    'ต้องส่งไฟล์ผ่านแบบฟอร์ม (multipart/form-data)',
    'Send the file as multipart/form-data',
  ],
  FST_PROTO_VIOLATION: [400, 'bad_form', 'แบบฟอร์มที่ส่งมาไม่ถูกต้อง', 'The form is not valid'],
  FST_INVALID_JSON_FIELD_ERROR: [400, 'bad_form', 'แบบฟอร์มที่ส่งมาไม่ถูกต้อง', 'The form is not valid'],
  FST_MP_PREMATURE_CLOSE: [
    400,
    'bad_form',
    'แบบฟอร์มที่ส่งมาไม่ครบ กรุณาลองใหม่',
    'The form arrived incomplete; please try again',
  ],
  FST_PARTS_LIMIT: [413, 'too_many_parts', 'แบบฟอร์มมีจำนวนช่องเกินกำหนด', 'The form has too many parts'],
  FST_FILES_LIMIT: [413, 'too_many_parts', 'แบบฟอร์มมีจำนวนไฟล์เกินกำหนด', 'The form has too many files'],
  FST_FIELDS_LIMIT: [413, 'too_many_parts', 'แบบฟอร์มมีจำนวนช่องเกินกำหนด', 'The form has too many fields'],
  FST_CSRF_INVALID_TOKEN: [
    403,
    'csrf',
    'โทเคนป้องกันการปลอมคำขอไม่ถูกต้อง กรุณาโหลดหน้าใหม่',
    'Invalid CSRF token; reload the page',
  ],
  FST_CSRF_MISSING_SECRET: [
    403,
    'csrf',
    'โทเคนป้องกันการปลอมคำขอไม่ถูกต้อง กรุณาโหลดหน้าใหม่',
    'Invalid CSRF token; reload the page',
  ],
};

const BAD_BODY: Message = [
  'bad_body',
  'อ่านข้อมูลที่ส่งมาไม่ได้ กรุณาตรวจสอบรูปแบบแล้วลองใหม่',
  'The request body cannot be read; check its format and try again',
];

const INTERNAL: Message = ['internal', 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง', 'Something went wrong; please try again'];

declare module 'fastify' {
  interface FastifyRequest {
    /** True while the body is being read and validated (preParsing → preHandler): see readingInput. */
    readingInput?: boolean;
  }
}

/**
 * Marks the stretch of a request during which only the client's input is being read: content-type parsers,
 * multipart parsing, schema validation. A parser that fails there without a status of its own (busboy's
 * "Unexpected end of form", a malformed part header) failed on the client's bytes: a 400, not a 500.
 */
export function markInputReading(app: FastifyInstance) {
  // Callback hooks, not async ones: they run on every request, and a promise per hook is measurable on the
  // busiest public reads (bench:public).
  app.addHook('preParsing', (req, _reply, payload, done) => {
    req.readingInput = true;
    done(null, payload);
  });
  app.addHook('preHandler', (req, _reply, done) => {
    req.readingInput = false;
    done();
  });
}

/**
 * Sends an error in our shape, serialized as plain JSON: a route's response schema for its error statuses
 * documents them, but must never turn a client error into a 500 by failing to serialize it.
 */
function sendError(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    return sendError(reply, STATUS[err.kind], errorBody(err.code, err.th, err.en, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message,
    }));
    return sendError(
      reply,
      400,
      errorBody('invalid_request', 'ข้อมูลที่ส่งมาไม่ถูกต้อง', 'The request is not valid', details),
    );
  }
  const known = err.code ? BY_CODE[err.code] : undefined;
  if (known) {
    const [status, code, th, en] = known;
    return sendError(reply, status, errorBody(code, th, en));
  }
  const status = typeof err.statusCode === 'number' ? err.statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    const [code, th, en] = BY_STATUS[status] ?? (BY_STATUS[400] as Message);
    return sendError(reply, status, errorBody(code, th, en));
  }
  if (status === undefined && req.readingInput) {
    req.log.warn({ err: errorSummary(err), route: routeOf(req) }, 'unreadable request body');
    return sendError(reply, 400, errorBody(...BAD_BODY));
  }
  req.log.error({ err: errorSummary(err), route: routeOf(req) }, 'unhandled error');
  return sendError(reply, 500, errorBody(...INTERNAL));
}

const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? '(no route)'}`;

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a malformed request
 * line, a client too slow): answered in our shape straight on the socket, as Fastify's default does in its own.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const [code, th, en] = BY_STATUS[status] as Message;
  const body = JSON.stringify(errorBody(code, th, en));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
