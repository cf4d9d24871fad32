// Public respondent routes log no client address and no exact time (issue 8, §2): a submit through the real
// app, logging at info level into a buffer, leaves no request line; an error there is logged without
// address, time or request id; staff routes still log their requests.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/helpers/app.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
  answersFor,
  CODE,
  collectingAgency,
  respondWorld,
} from '../modules/respond/respond.fixture.testing.ts';
import { buildApp } from './build.ts';

const ADDRESS = '10.99.1.2';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('logs of the public respondent API', () => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await respondWorld();
    agencyId = (await collectingAgency(t)).id;
  });
  afterAll(() => t.close());

  async function appLoggingTo(db: Db = t.deps.db) {
    const log = capture();
    const deps = { ...t.deps, db, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }) };
    const app = await buildApp(deps, { logStream: log.stream });
    await app.ready();
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, remoteAddress: ADDRESS, ...(payload ? { payload } : {}) });
    return { app, send, lines: log.lines };
  }

  it('writes no line with the client address or a time for a respondent’s page, access and submit', async () => {
    const { app, send, lines } = await appLoggingTo();
    const page = await send('GET', `/api/respond/${agencyId}/IIT`);
    const access = await send('POST', `/api/respond/${agencyId}/IIT/access`, { accessCode: CODE });
    const submit = await send('POST', `/api/respond/${agencyId}/IIT/submit`, {
      grant: access.json().grant,
      submissionId: crypto.randomUUID(),
      answers: answersFor(page.json()),
      durationSeconds: 300,
    });
    expect(submit.json()).toEqual({ status: 'recorded' });
    const respondentLines = lines.filter((l) => JSON.stringify(l).includes('/api/respond'));
    expect(respondentLines).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(ADDRESS);

    // Staff and system routes still log their requests (the capture works).
    await send('GET', '/api/health');
    expect(JSON.stringify(lines)).toContain(ADDRESS);
    expect(lines.some((l) => typeof l.time === 'number')).toBe(true);
    await app.close();
  });

  it('logs an error on a respondent route without address, time or request id', async () => {
    const failing = new Proxy(t.deps.db, {
      get: (target, key) =>
        key === 'transaction'
          ? () => Promise.reject(new Error('database unavailable (test)'))
          : Reflect.get(target, key),
    });
    const { app, send, lines } = await appLoggingTo(failing);
    const page = await send('GET', `/api/respond/${agencyId}/IIT`);
    const access = await send('POST', `/api/respond/${agencyId}/IIT/access`, { accessCode: CODE });
    const submit = await send('POST', `/api/respond/${agencyId}/IIT/submit`, {
      grant: access.json().grant,
      submissionId: crypto.randomUUID(),
      answers: answersFor(page.json()),
      durationSeconds: 300,
    });
    expect(submit.statusCode).toBe(500);
    const errors = lines.filter((l) => JSON.stringify(l).includes('database unavailable (test)'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toHaveProperty('time');
    expect(errors[0]).not.toHaveProperty('reqId');
    expect(JSON.stringify(lines)).not.toContain(ADDRESS);
    await app.close();
  });
});
