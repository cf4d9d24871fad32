// Maps every error to one JSON shape, in Thai and English, without stack traces.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind } from '../core/errors.ts';

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

export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    return reply.status(STATUS[err.kind]).send(errorBody(err.code, err.th, err.en, err.details));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message,
    }));
    return reply
      .status(400)
      .send(errorBody('invalid_request', 'ข้อมูลที่ส่งมาไม่ถูกต้อง', 'The request is not valid', details));
  }
  if (err.statusCode === 429) {
    return reply
      .status(429)
      .send(
        errorBody('rate_limited', 'มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่', 'Too many requests; please wait a moment'),
      );
  }
  if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
    return reply
      .status(403)
      .send(
        errorBody(
          'csrf',
          'โทเคนป้องกันการปลอมคำขอไม่ถูกต้อง กรุณาโหลดหน้าใหม่',
          'Invalid CSRF token; reload the page',
        ),
      );
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply
      .status(err.statusCode)
      .send(errorBody(err.code ?? 'bad_request', 'คำขอไม่ถูกต้อง', err.message || 'Bad request'));
  }
  req.log.error({ err }, 'unhandled error');
  return reply
    .status(500)
    .send(errorBody('internal', 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง', 'Something went wrong; please try again'));
}
