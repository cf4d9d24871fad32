// The one way the SPA talks to the API: same-origin JSON with the session cookie, the CSRF token on every
// state-changing request, and every failure turned into an ApiError carrying the server's Thai and English
// message (or our own for network trouble), so pages only ever show `error.messageIn(lang)`.
import type { Lang } from './format.ts';

export interface ErrorDetail {
  path?: string;
  message?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly th: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = 'ApiError';
  }

  messageIn(lang: Lang): string {
    return lang === 'th' ? this.th : this.en;
  }

  /**
   * Field-level problems the server listed, as readable lines in the UI language. Accepts the shapes the
   * API uses: a list of { path, message } (request validation), or { problems: [...] } whose items carry
   * { path | row, column, th, en } (framework and CSV imports).
   */
  detailLines(lang: Lang = 'en'): string[] {
    const d = this.details as { problems?: unknown } | unknown[] | undefined;
    const list = Array.isArray(d) ? d : Array.isArray(d?.problems) ? d.problems : [];
    return list.map((item: unknown) => describeProblem(item, lang));
  }
}

function describeProblem(item: unknown, lang: Lang): string {
  if (typeof item === 'string') return item;
  if (!item || typeof item !== 'object') return String(item);
  const p = item as Record<string, unknown>;
  const text = (lang === 'th' ? p.th : p.en) ?? p.en ?? p.th ?? p.message;
  const where: string[] = [];
  if (typeof p.row === 'number') where.push(lang === 'th' ? `แถว ${p.row}` : `row ${p.row}`);
  if (typeof p.column === 'string' && p.column) where.push(p.column);
  if (typeof p.path === 'string' && p.path) where.push(p.path);
  const prefix = where.length ? `${where.join(', ')}: ` : '';
  return `${prefix}${typeof text === 'string' ? text : JSON.stringify(item)}`;
}

const FALLBACK: Record<string, { th: string; en: string }> = {
  network: {
    th: 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
    en: 'Could not reach the server; check your connection and try again',
  },
  unauthenticated: { th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in' },
  forbidden: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', en: 'You are not allowed to do this' },
  not_found: { th: 'ไม่พบสิ่งที่ขอ', en: 'Not found' },
  server: { th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง', en: 'Something went wrong; please try again' },
  bad_request: { th: 'คำขอไม่ถูกต้อง', en: 'The request is not valid' },
};

function fallbackFor(status: number): { code: string; th: string; en: string } {
  const code =
    status === 401
      ? 'unauthenticated'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status >= 500
            ? 'server'
            : 'bad_request';
  return { code, ...(FALLBACK[code] as { th: string; en: string }) };
}

/** Turns a failed response (status and parsed body, if any) into an ApiError. Pure, for tests. */
export function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: unknown } | null)?.error;
  if (err && typeof err === 'object') {
    const { code, th, en, details } = err as Record<string, unknown>;
    if (typeof code === 'string' && (typeof th === 'string' || typeof en === 'string')) {
      const fb = fallbackFor(status);
      return new ApiError(
        status,
        code,
        typeof th === 'string' && th ? th : fb.th,
        typeof en === 'string' && en ? en : fb.en,
        details,
      );
    }
  }
  const fb = fallbackFor(status);
  return new ApiError(status, fb.code, fb.th, fb.en);
}

export function networkError(): ApiError {
  const fb = FALLBACK.network as { th: string; en: string };
  return new ApiError(0, 'network', fb.th, fb.en);
}

let csrfToken: string | null = null;

/** Kept from POST /api/auth/login and GET /api/auth/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** For a text body (e.g. 'text/csv'); JSON bodies are always application/json. */
  contentType?: string;
  signal?: AbortSignal;
}

/** Builds "/api/x?a=1" leaving out empty parameters. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (typeof opts.body === 'string') {
    headers['content-type'] = opts.contentType ?? 'text/plain';
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw networkError();
  }
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A fresh token after the session's CSRF secret changed (e.g. the session was renewed). */
async function refreshCsrf(): Promise<boolean> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) return false;
  const me = (await res.json()) as { csrfToken?: string };
  if (!me.csrfToken) return false;
  setCsrfToken(me.csrfToken);
  return true;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (res.status === 403 && method !== 'GET') {
    const body = await parse(res);
    const err = toApiError(res.status, body);
    // One retry with a fresh token; a second failure is reported as it is.
    if (err.code !== 'csrf' || !(await refreshCsrf())) throw err;
    res = await send(method, path, opts);
  }
  const body = await parse(res);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  postText: <T>(path: string, text: string, contentType: string) =>
    request<T>('POST', path, { body: text, contentType }),
};
