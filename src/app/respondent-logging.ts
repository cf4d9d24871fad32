// What the logs may say about respondents: nothing that ties a submission to a client or a moment. On the
// public respondent API (the scope of `publicApiModules`) Fastify's request lines — client address, URL,
// millisecond time, response time, a request counter — are not written at all, and what the handlers log
// (errors) goes through a logger without a timestamp or request id, at the app's level. Decided on the
// matched route (a route option set on every route of that scope), never on the URL string.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import { loggerOptions } from './log-safe.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every route of the public respondent API: its requests are never logged with address or time. */
    respondent?: boolean;
  }
}

const isRespondentRoute = (req: FastifyRequest) => req.routeOptions?.config?.respondent === true;

/** The app's log controller: request logging off for respondent routes, as usual for the rest. */
export function respondentAwareLogController(): LogController {
  return new LogController({ disableRequestLogging: isRespondentRoute });
}

/**
 * Marks every route registered in `scope` as a respondent route and gives its requests a logger without
 * time or request id (the address is never bound to it).
 */
export function anonymizeScopeLogs(
  scope: FastifyInstance,
  opts: { level: string; stream?: DestinationStream | undefined },
): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), respondent: true };
  });
  // The same redaction and error summary as every other log (log-safe.ts), without time or request id.
  const anonymous = pino(
    { ...loggerOptions(opts.level), timestamp: false, base: null },
    opts.stream ?? pino.destination(1),
  );
  // A request's logger has no bindings of its own, so one child per level serves every request (a new pino
  // child per request was a measurable part of a public read: bench:public).
  const byLevel = new Map<string, pino.Logger>();
  scope.setChildLoggerFactory((_logger, _bindings, childOpts) => {
    if (childOpts.serializers) return anonymous.child({}, childOpts);
    const level = childOpts.level ?? '';
    let child = byLevel.get(level);
    if (!child) {
      child = anonymous.child({}, childOpts);
      byLevel.set(level, child);
    }
    return child;
  });
}
