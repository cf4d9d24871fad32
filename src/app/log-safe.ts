// What the logs may hold. A database error's message and properties carry the failed query's parameters
// (Drizzle: "Failed query: … params: …"; pg: `detail` "Key (email)=(…)") — password hashes, tokens, codes —
// so a database error is logged as its SQLSTATE, constraint, table and column only. Headers that carry
// credentials are redacted; bodies are never logged; a logged request is its method and path (no query
// string: tokens and codes travel there too).
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

export interface ErrorSummary {
  type: string;
  code?: string;
  message?: string;
  stack?: string;
  db?: { sqlState?: string; constraint?: string; table?: string; column?: string };
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The database error in `err`'s cause chain, if any (Drizzle wraps the driver's error in `cause`). */
function databaseError(err: unknown): Record<string, unknown> | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const o = e as Record<string, unknown>;
    const name = String(o.name ?? '');
    if (name === 'DrizzleQueryError' || 'params' in o || 'query' in o) {
      const cause = o.cause as Record<string, unknown> | undefined;
      return cause && typeof cause === 'object' ? cause : {};
    }
    if (typeof o.code === 'string' && SQLSTATE.test(o.code) && ('severity' in o || 'routine' in o)) return o;
    e = o.cause;
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A summary of an error that is safe to log: never a query's parameters, a value or a request body. */
export function errorSummary(err: unknown, opts: { message?: boolean } = {}): ErrorSummary {
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as Record<string, unknown>;
  const type = str(e.name) ?? 'Error';
  const db = databaseError(err);
  if (db) {
    return {
      type,
      db: {
        sqlState: str(db.code),
        constraint: str(db.constraint),
        table: str(db.table),
        column: str(db.column),
      },
      // The frames only: a stack starts with the message (several lines for Drizzle), which holds the parameters.
      stack: str(e.stack)
        ?.split('\n')
        .filter((line) => /^\s+at /.test(line))
        .join('\n'),
    };
  }
  if (opts.message === false) return { type, code: str(e.code) };
  return { type, code: str(e.code), message: str(e.message), stack: str(e.stack) };
}

/** pino's `err` serializer: a summary as it is, anything else summarised. */
function errSerializer(err: unknown) {
  const isSummary =
    err !== null &&
    typeof err === 'object' &&
    !(err instanceof Error) &&
    typeof (err as ErrorSummary).type === 'string';
  return isSummary ? err : errorSummary(err);
}

/** Fastify's `req` log serializer: method and path, or the route's template; never the query string. */
export function requestForLog(req: FastifyRequest) {
  const path = (req.url ?? '').split('?')[0] ?? '';
  return {
    method: req.method,
    url: path.length > 200 ? `${path.slice(0, 200)}…` : path,
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
  };
}

/** The headers that carry credentials, redacted wherever a logger meets them. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Any `{ err }` logged anywhere (Fastify's own logs, workers) goes through the same safe summary.
    serializers: { req: requestForLog as never, err: errSerializer as never },
  };
}
