// The security headers of every response (CSP, nosniff, frame, referrer and cross-origin policies, HSTS…),
// exactly as @fastify/helmet sets them for our options, but worked out once at start-up: @fastify/helmet
// builds a new helmet middleware — parsing the CSP directives again — on every request, which cost ~3 % of
// the CPU of a survey submission. None of our headers depends on the request (no per-route helmet options,
// no CSP nonces), so one fixed list is the same answer.
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
    },
  },
};

type Headers = Record<string, string | number | string[]>;

/** What @fastify/helmet with `options` adds to a response: read from one request to a throwaway server. */
export async function helmetHeaders(options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<Headers> {
  const probe = Fastify({ logger: false });
  let headers: Headers = {};
  await probe.register(fastifyHelmet, options);
  probe.get('/', async (_req, reply) => {
    // Only the onRequest hooks (helmet's) have run: nothing else has set a header yet.
    headers = Object.fromEntries(
      Object.entries(reply.getHeaders()).filter(
        (e): e is [string, string | number | string[]] => e[1] !== undefined,
      ),
    );
    return '';
  });
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (!headers['content-security-policy']) throw new Error('@fastify/helmet set no Content-Security-Policy');
  return headers;
}

/** Sets the security headers on every response of `app` and of the scopes registered inside it. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_req, reply, done) => {
    // Kept with the reply's own headers and written once with them (cheaper than one setHeader each);
    // a route that sets one of them itself still has the last word, as with helmet.
    reply.headers(headers);
    done();
  });
}
