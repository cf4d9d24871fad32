// Builds the Fastify application: plugins, security headers, the staff API (sessions, the actor hook, CSRF),
// the public respondent API (none of those), the SPA.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { loadActor } from '../modules/auth/actor.ts';
import { DbSessionStore } from '../modules/auth/session-store.ts';
import { demoSitesRoutes } from '../modules/demo/index.ts';
import { apiModules, publicApiModules } from '../modules/index.ts';
import type { AppDeps } from './context.ts';
import { errorBody, handleError } from './errors.ts';
import { anonymizeScopeLogs, respondentAwareLogController } from './respondent-logging.ts';
import { registerSecurityHeaders } from './security-headers.ts';

const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

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
        : { level: deps.config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    // Respondent routes write no request lines (address, time): respondent-logging.ts.
    logController: respondentAwareLogController(),
    // Only behind a configured reverse proxy: otherwise clients could spoof X-Forwarded-For past rate limits.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);

  // Security headers on every response (API, pages, files, 404s), worked out once (security-headers.ts).
  await registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, { global: false });
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
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send(errorBody('not_found', 'ไม่พบสิ่งที่ขอ', 'Not found'));
      }
      // Respondents get the light survey entry (no staff SPA), built from web/respond/.
      if (/^\/respond(\/|\?|$)/.test(req.url)) return reply.sendFile('respond.html');
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      reply.status(404).send(errorBody('not_found', 'ไม่พบสิ่งที่ขอ', 'Not found')),
    );
  }
  return app;
}

/**
 * Cookies, the session (kept in the database), the signed-in actor and the CSRF check of state-changing
 * requests, for the routes of `scope` (registered on the scope, not globally).
 */
async function registerStaffSession(scope: FastifyInstance, deps: AppDeps) {
  await scope.register(fastifyCookie);
  const store = new DbSessionStore(deps.db, SESSION_TTL_MS, deps.now);
  await scope.register(fastifySession, {
    secret: deps.config.sessionSecret,
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

  // Resolve the actor, then check CSRF on every state-changing request unless the route opts out.
  scope.addHook('preHandler', async (req, reply) => {
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
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (unsafe && req.routeOptions.config.csrf !== false && req.url.startsWith('/api/')) {
      await new Promise<void>((resolve, reject) => {
        scope.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
}
