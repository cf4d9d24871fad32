import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, request, setCsrfToken, toApiError } from './api.ts';

describe('toApiError', () => {
  it('keeps the server code and both languages', () => {
    const sut = toApiError(409, {
      error: { code: 'username_taken', th: 'ชื่อผู้ใช้นี้มีอยู่แล้ว', en: 'That username is taken' },
    });
    expect(sut).toBeInstanceOf(ApiError);
    expect(sut.status).toBe(409);
    expect(sut.code).toBe('username_taken');
    expect(sut.messageIn('th')).toBe('ชื่อผู้ใช้นี้มีอยู่แล้ว');
    expect(sut.messageIn('en')).toBe('That username is taken');
  });

  it('lists validation details as readable lines', () => {
    const sut = toApiError(400, {
      error: {
        code: 'invalid_request',
        th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
        en: 'The request is not valid',
        details: [{ path: 'body.username', message: 'Too short' }, 'weights sum to 90, not 100'],
      },
    });
    expect(sut.detailLines()).toEqual(['body.username: Too short', 'weights sum to 90, not 100']);
  });

  it('lists import problems in the UI language', () => {
    const sut = toApiError(400, {
      error: {
        code: 'framework_invalid',
        th: 'ไฟล์ไม่ถูกต้อง',
        en: 'The file is not valid',
        details: {
          problems: [
            { path: 'instruments', th: 'น้ำหนักรวมไม่เท่ากับ 100', en: 'weights do not sum to 100' },
            { row: 3, column: 'type', th: 'ประเภทไม่ถูกต้อง', en: 'unknown type' },
          ],
        },
      },
    });
    expect(sut.detailLines('th')).toEqual(['instruments: น้ำหนักรวมไม่เท่ากับ 100', 'แถว 3, type: ประเภทไม่ถูกต้อง']);
    expect(sut.detailLines('en')).toEqual([
      'instruments: weights do not sum to 100',
      'row 3, type: unknown type',
    ]);
  });

  it('falls back to a message by status when the body is not the API shape', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').messageIn('en')).toBe(
      'Something went wrong; please try again',
    );
    expect(toApiError(401, null).code).toBe('unauthenticated');
    expect(toApiError(403, {}).messageIn('th')).toBe('คุณไม่มีสิทธิ์ทำรายการนี้');
    expect(toApiError(404, { error: 'nope' }).code).toBe('not_found');
  });

  it('fills a missing language from the fallback', () => {
    const sut = toApiError(400, { error: { code: 'x', en: 'Only English' } });
    expect(sut.messageIn('en')).toBe('Only English');
    expect(sut.messageIn('th')).toBe('คำขอไม่ถูกต้อง');
  });
});

describe('apiUrl', () => {
  it('leaves out empty parameters', () => {
    expect(apiUrl('/agencies', { q: 'เทศบาล', province: '', page: 2, type: undefined })).toBe(
      `/api/agencies?q=${encodeURIComponent('เทศบาล')}&page=2`,
    );
    expect(apiUrl('/auth/me')).toBe('/api/auth/me');
  });
});

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  const sentHeader = (mock: { mock: { calls: unknown[][] } }, call: number, name: string) =>
    (
      (mock.mock.calls[call]?.[1] as RequestInit | undefined)?.headers as Record<string, string> | undefined
    )?.[name];

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('sends the CSRF token on state-changing requests only', async () => {
    const fetchMock = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-1');
    await request('GET', '/x');
    await request('POST', '/x', { body: { a: 1 } });
    expect(sentHeader(fetchMock, 0, 'x-csrf-token')).toBeUndefined();
    expect(sentHeader(fetchMock, 1, 'x-csrf-token')).toBe('tok-1');
    expect((fetchMock.mock.calls[1] as unknown[])[1]).toMatchObject({ body: '{"a":1}' });
  });

  it('renews the token once after a CSRF rejection and retries', async () => {
    const responses = [
      json(403, { error: { code: 'csrf', th: 'โทเคนไม่ถูกต้อง', en: 'Invalid CSRF token' } }),
      json(200, { user: {}, csrfToken: 'tok-2' }),
      json(200, { done: true }),
    ];
    const fetchMock = vi.fn(async () => responses.shift() as Response);
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('stale');
    await expect(request('POST', '/x', { body: {} })).resolves.toEqual({ done: true });
    expect(sentHeader(fetchMock, 2, 'x-csrf-token')).toBe('tok-2');
  });

  it('throws an ApiError with the server message on failure', async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, { error: { code: 'bad_credentials', th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong' } }),
    );
    await expect(request('POST', '/auth/login', { body: {} })).rejects.toMatchObject({
      status: 401,
      code: 'bad_credentials',
    });
  });

  it('reports a network failure in both languages', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = (await request('GET', '/x').catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('network');
    expect(err.messageIn('th')).toContain('เซิร์ฟเวอร์');
  });

  it('returns null for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(request('POST', '/auth/logout')).resolves.toBeNull();
  });
});
