// Builds the Fastify application: plugins, security headers, the staff API (sessions, the actor hook, CSRF),
// the public respondent API (none of those), the SPA.
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { Actor } from '../core/authz.ts';
import { DbSessionStore } from '../modules/auth/session-store.ts';
import { apiModules, demoSitesRoutes, publicApiModules } from '../modules/index.ts';
import { batchedRateLimitHook, sharedRateLimitOptions } from '../modules/rate-limits/index.ts';
import { loadActor } from '../modules/users/index.ts';
import { WEB_DIST } from '../paths.ts';
import { settleAfterResponseTasks } from './background.ts';
import type { AppDeps } from './context.ts';
import { clientErrorHandler, errorBody, handleError, markInputReading } from './errors.ts';
import { registerInputRules } from './input-rules.ts';
import { loggerOptions } from './log-safe.ts';
import { anonymizeScopeLogs, respondentAwareLogController } from './respondent-logging.ts';
import { registerSecurityHeaders } from './security-headers.ts';

const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day

export { WEB_DIST };

declare module 'fastify' {
  interface FastifyInstance {
    resolveActor(userId: string): Promise<Actor | null>;
  }
}

export interface BuildOptions {
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where logs go (tests read them); standard output when absent. */
  logStream?: DestinationStream;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { ...loggerOptions(deps.config.logLevel), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // Respondent routes write no request lines (address, time): respondent-logging.ts.
    logController: respondentAwareLogController(),
    // Only behind a configured reverse proxy: otherwise clients could spoof X-Forwarded-For past rate limits.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Errors raised before a route runs (bad URL encoding, a path parameter too long) and by Node's HTTP
    // parser (headers too large, a malformed request line) are answered in our shape too.
    frameworkErrors: (err, req, reply) => handleError(err, req, reply),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Mail and audit work left running after an answer finishes before the database goes away.
  app.addHook('onClose', settleAfterResponseTasks);
  markInputReading(app);
  registerInputRules(app);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);

  // Security headers on every response (API, pages, files, 404s), worked out once (security-headers.ts).
  await registerSecurityHeaders(app);
  // Per-route limits count in a store every instance shares (the database, or Redis when configured).
  const rateLimits = await sharedRateLimitOptions(
    deps,
    (err) =>
      app.log.warn({ err }, 'Redis (rate-limit counters) unavailable; route limits are skipped meanwhile'),
    {
      onError: (err) =>
        app.log.warn({ err }, 'batched rate-limit counts not shared yet; kept for the next batch'),
    },
  );
  app.addHook('onClose', rateLimits.close);
  await app.register(fastifyRateLimit, rateLimits.options);
  // The busy public reads are counted in this process and shared in batches (no promise, no round trip).
  app.addHook('onRoute', batchedRateLimitHook(rateLimits.batched));
  app.decorate('resolveActor', async (userId: string) => loadActor(deps.db, userId));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Prongsai API',
        description: 'Integrity and Transparency Assessment (ITA) — โปร่งใส',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database check' } },
    async () => {
      await deps.db.execute('select 1');
      return { status: 'ok' };
    },
  );

  // Two sibling scopes: the staff API gets cookies, sessions, the actor and CSRF checks; the public
  // respondent API gets none of them — a respondent has no session (the respondent pages never send a
  // cookie) and must not be tied to one, and the grant in the request is the permission. Hooks added in one
  // scope do not run for the other's routes.
  await app.register(async (staff) => {
    await registerStaffSession(staff, deps);
    for (const mod of apiModules) await staff.register(mod, { prefix: '/api' });
  });
  await app.register(async (respondents) => {
    if (opts.logger !== false)
      anonymizeScopeLogs(respondents, { level: deps.config.logLevel, stream: opts.logStream });
    for (const mod of publicApiModules) await respondents.register(mod, { prefix: '/api' });
  });

  // The demo agencies' websites (evidence URLs of the demo point at them); never in production.
  if (deps.config.demo && !deps.config.production) await app.register(demoSitesRoutes(deps));

  if (opts.serveWeb && existsSync(WEB_DIST)) {
    // preCompressed: the .br/.gz copies made at build time go to browsers that accept them.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, preCompressed: true });
    app.setNotFoundHandler((req, reply) => {
      // No route matched, so the path is all there is: read it decoded, as the router does.
      const pathname = decodedPath(req.url);
      if (pathname === null || pathname.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send(errorBody('not_found', 'ไม่พบสิ่งที่ขอ', 'Not found'));
      }
      // Respondents get the light survey entry (no staff SPA), built from web/respond/.
      if (/^\/respond(\/|$)/.test(pathname)) return reply.sendFile('respond.html');
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      reply.status(404).send(errorBody('not_found', 'ไม่พบสิ่งที่ขอ', 'Not found')),
    );
  }
  return app;
}

/** The path of a request URL without its query, percent-decoded; null when it does not decode. */
export function decodedPath(url: string): string | null {
  const raw = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Cookies, the session (kept in the database), the signed-in actor and the CSRF check of state-changing
 * requests, for the routes of `scope` (registered on the scope, not globally).
 */
async function registerStaffSession(scope: FastifyInstance, deps: AppDeps) {
  await scope.register(fastifyCookie);
  const store = new DbSessionStore(deps.db, SESSION_TTL_MS, deps.now);
  await scope.register(fastifySession, {
    // The first signs new cookies; previous secrets still open theirs while a rotation is under way.
    secret: [deps.config.sessionSecret, ...deps.config.previousSessionSecrets],
    cookieName: 'prongsai_sid',
    store,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      secure: deps.config.cookieSecure,
      sameSite: 'lax',
      path: '/',
      maxAge: SESSION_TTL_MS,
    },
  });
  await scope.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  // CSRF before anything else reads the request (validation answers included), on the matched route, never
  // on the URL: these hooks run only for the staff API's routes, and the router also matches encoded
  // spellings of a path (`/%61pi/…`) that a string test would miss. Opting out is per route (`csrf: false`).
  scope.addHook('preValidation', async (req, reply) => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (unsafe && req.routeOptions.config.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        scope.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
  // Resolve the actor.
  scope.addHook('preHandler', async (req) => {
    const userId = req.session.get('userId');
    if (userId) {
      const actor = await loadActor(deps.db, userId);
      // A password change elsewhere ends every older session.
      if (!actor || actor.passwordChangedAt.toISOString() !== req.session.get('passwordChangedAt')) {
        await req.session.destroy();
      } else {
        req.actor = actor;
      }
    }
  });
}
