// Typed domain errors. Services throw these; src/app/errors.ts maps them to HTTP in one place.
// Every message exists in Thai (shown first) and English.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly th: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, th: string, en: string, details?: unknown) =>
  new DomainError('invalid', code, th, en, details);
export const notFound = (code: string, th: string, en: string) => new DomainError('not_found', code, th, en);
export const conflict = (code: string, th: string, en: string, details?: unknown) =>
  new DomainError('conflict', code, th, en, details);
export const forbidden = (
  code = 'forbidden',
  th = 'คุณไม่มีสิทธิ์ดำเนินการนี้',
  en = 'You are not allowed to do this',
) => new DomainError('forbidden', code, th, en);
export const unauthenticated = () =>
  new DomainError('unauthenticated', 'unauthenticated', 'กรุณาเข้าสู่ระบบ', 'Please sign in');
