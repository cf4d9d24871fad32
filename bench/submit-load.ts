// The load of bench:submit: a respondent's permission (grant) from the demo data, valid FY2568 IIT answer
// sheets, and autocannon runs in which every request carries a fresh submissionId. Each id starts with an
// 8-hex-digit tag naming the run and phase, so the rows a phase wrote can be counted afterwards; the ids still
// unanswered when autocannon stops (it drops the connections) are returned, since the server may still
// commit them.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { ZValidFramework } from '../src/core/framework/schema.ts';
import { buildQuestionnaire, questionsOf, validateAnswers } from '../src/core/surveys/index.ts';
import { DEMO_IIT_AGENCY, DEMO_IIT_CODE } from '../src/modules/demo/demo.collection.data.ts';
import { DEMO_AGENCIES } from '../src/modules/demo/demo.data.ts';
import type { AgencyType } from '../src/shared/agency-types.ts';
import { ROOT } from './submit-processes.ts';

export interface Respondent {
  agencyId: string;
  agencyType: AgencyType;
  grant: string;
  expiresAt: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${what} → ${res.status} ${body.slice(0, 500)}`);
  return JSON.parse(body) as T;
}

/**
 * The demo PAO (its access code is fixed in the demo data) and an IIT grant for it. Without single-use
 * tokens an IIT grant may be used for many submissions until it expires (3 hours: longer than the bench).
 */
export async function demoRespondent(url: string): Promise<Respondent> {
  const nameTh = DEMO_AGENCIES.find((a) => a.code === DEMO_IIT_AGENCY)?.nameTh;
  if (!nameTh) throw new Error(`demo agency ${DEMO_IIT_AGENCY} not in the demo data`);
  const search = await json<{ items: { id: string; nameTh: string }[] }>(
    await fetch(`${url}/api/respond/agencies?q=${encodeURIComponent(nameTh)}`),
    'GET /api/respond/agencies',
  );
  const agencyId = search.items.find((i) => i.nameTh === nameTh)?.id;
  if (!agencyId) throw new Error(`demo agency ${nameTh} is not collecting`);
  const page = await json<{ window: { open: boolean }; questionnaire: { agencyType: AgencyType } }>(
    await fetch(`${url}/api/respond/${agencyId}/IIT`),
    'GET /api/respond/:agencyId/IIT',
  );
  if (!page.window.open) throw new Error('the demo agency’s IIT collection window is closed');
  const access = await json<{ grant: string; expiresAt: string }>(
    await fetch(`${url}/api/respond/${agencyId}/IIT/access`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessCode: DEMO_IIT_CODE }),
    }),
    'POST /api/respond/:agencyId/IIT/access',
  );
  return { agencyId, agencyType: page.questionnaire.agencyType, ...access };
}

/** `count` complete and valid FY2568 IIT answer sheets (seeded choices), serialized once. */
export function answerSheets(agencyType: AgencyType, count: number): string[] {
  const file = path.join(ROOT, 'frameworks/fy2568.json');
  const framework = ZValidFramework.parse(JSON.parse(readFileSync(file, 'utf8')));
  const questions = questionsOf(buildQuestionnaire(framework, 'IIT', agencyType));
  let state = 0x2568;
  const pick = <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return items[state % items.length] as T;
  };
  return Array.from({ length: count }, () => {
    const answers: Record<string, unknown> = {};
    for (const q of questions) {
      const values = q.options.map((o) => o.value);
      answers[q.code] = q.subItems.length
        ? Object.fromEntries(q.subItems.map((s) => [s.code, pick(values)]))
        : pick(values);
    }
    const problems = validateAnswers(framework, 'IIT', agencyType, answers);
    if (problems.length > 0) throw new Error(`bench answers invalid: ${JSON.stringify(problems[0])}`);
    return JSON.stringify(answers);
  });
}

/** A random 4-hex-digit run id; a phase tag is the run id and 4 more hex digits. */
export const newRunId = () => randomBytes(2).toString('hex');

/** A v4 UUID whose first 8 hex digits are the tag (still a valid UUID: version and variant untouched). */
const taggedUuid = (tag: string) => `${tag}${randomUUID().slice(8)}`;

export interface LoadOptions {
  url: string;
  agencyId: string;
  grant: string;
  sheets: string[];
  tag: string;
  connections: number;
  duration: number;
  /** Distinct client addresses sent as X-Forwarded-For (spread over /24 networks of 16 addresses). */
  addresses: number;
  /** When given, the latency (ms) of every 2xx response is added to it: percentiles over several runs. */
  latencies?: number[];
}

export interface LoadResult {
  seconds: number;
  accepted: number;
  /** 200 responses that said `recorded` (the rest of 2xx would be `already_recorded`). */
  recorded: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Submission ids sent but not answered when the run stopped. */
  unanswered: string[];
}

export function submitBody(grant: string, sheet: string, submissionId: string, seconds: number) {
  return `{"grant":${JSON.stringify(grant)},"submissionId":"${submissionId}","answers":${sheet},"durationSeconds":${seconds}}`;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let n = 0;
  let recorded = 0;
  const pending = new Set<string>();
  const address = (i: number) => {
    const k = i % o.addresses;
    return `10.${(k >> 12) & 255}.${(k >> 4) & 255}.${(k & 15) + 1}`;
  };
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        method: 'POST',
        path: `/api/respond/${o.agencyId}/IIT/submit`,
        // Called just before each request is written; the context travels with it to onResponse.
        setupRequest: (req, context) => {
          const i = n++;
          const id = taggedUuid(o.tag);
          pending.add(id);
          (context as { id?: string }).id = id;
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': address(i) },
            body: submitBody(o.grant, o.sheets[i % o.sheets.length] ?? '{}', id, 300 + (i % 600)),
          };
        },
        onResponse: (status, body, context) => {
          pending.delete((context as { id?: string }).id ?? '');
          if (status === 200 && body.includes('"recorded"')) recorded++;
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  const latencies = o.latencies;
  if (latencies) {
    instance.on('response', (_client, status: number, _bytes, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  }
  // A stuck server must not hold the bench forever.
  const guard = setTimeout(() => instance.stop(), (o.duration * 3 + 30) * 1000);
  const result = await instance;
  clearTimeout(guard);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  return {
    seconds: result.duration,
    accepted: result['2xx'],
    recorded,
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    unanswered: [...pending],
  };
}
