// Builds the Fastify application: plugins, security, sessions, the actor hook, modules' routes, the SPA.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
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
import type { Actor } from '../core/authz.ts';
import { loadActor } from '../modules/auth/actor.ts';
import { DbSessionStore } from '../modules/auth/session-store.ts';
import { apiModules } from '../modules/index.ts';
import type { AppDeps } from './context.ts';
import { errorBody, handleError } from './errors.ts';

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
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel },
    // Only behind a configured reverse proxy: otherwise clients could spoof X-Forwarded-For past rate limits.
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCookie);
  const store = new DbSessionStore(deps.db, SESSION_TTL_MS, deps.now);
  await app.register(fastifySession, {
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
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  app.decorate('resolveActor', async (userId: string) => loadActor(deps.db, userId));

  // Resolve the actor, then check CSRF on every state-changing request unless the route opts out.
  app.addHook('preHandler', async (req, reply) => {
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
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });

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

  for (const mod of apiModules) await app.register(mod, { prefix: '/api' });

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
