// The public routes' JSON answers prebuilt as bytes (issue 11 §5): encoded with the route's response schema
// and serialised once — as the zod serializer would on every request — and gzip-compressed once, then kept
// in the per-publication memo. A request then only finds the publication in effect, sets the caching headers
// and sends the bytes: gzip to clients that take it (every browser), plain JSON to the rest; the two are
// different representations, so they carry different ETags (and `Vary: accept-encoding`).
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptsGzip, type PrebuiltJson } from '../../app/prebuilt.ts';
import { cacheHeaders, notModifiedReply } from './public-results.cache.ts';
import type { Memo } from './public-results.memo.ts';

/** The JSON text and its gzip (the shape `src/app/prebuilt.ts` sends). */
export type Prebuilt = PrebuiltJson;

const JSON_TYPE = 'application/json; charset=utf-8';

/** The bytes of `value` as the route's response schema encodes it (fails, as the serializer would, when it does not fit). */
export function prebuild<S extends z.ZodType>(schema: S, value: z.output<S>): Prebuilt {
  const json = Buffer.from(JSON.stringify(z.encode(schema, value)));
  return { json, gzip: gzipSync(json) };
}

const bytesOf = (p: Prebuilt) => p.json.length + p.gzip.length;

/**
 * Answers a public JSON route: the caching headers for `basis` (304 when the client's copy is current, before
 * anything is built), else the answer kept under `key`, built by `build` the first time.
 */
export function sendPrebuilt<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  memo: Memo,
  o: {
    basis: string;
    key: string;
    schema: S;
    /** The answer; null when there is none (kept too, so that asking again reads nothing: `missing` is thrown). */
    build: () => Promise<z.output<S> | null>;
    missing?: () => Error;
  },
): FastifyReply | Promise<FastifyReply> {
  const gz = acceptsGzip(req.headers['accept-encoding']);
  reply.header('vary', 'accept-encoding');
  if (cacheHeaders(req, reply, `${o.basis}|${gz ? 'gzip' : 'identity'}`)) return notModifiedReply(reply);
  const key = `answer|${o.key}`;
  // Built already (most requests): sent at once, without waiting for a promise.
  const held = memo.peek<Prebuilt | null>(key);
  if (held) return send(reply, held.value, gz, o);
  return memo
    .get(
      key,
      async () => {
        const value = await o.build();
        return value === null ? null : prebuild(o.schema, value);
      },
      (p) => (p ? bytesOf(p) : 1),
    )
    .then((answer) => send(reply, answer, gz, o));
}

function send(
  reply: FastifyReply,
  answer: Prebuilt | null,
  gz: boolean,
  o: { key: string; missing?: () => Error },
): FastifyReply {
  if (!answer) throw (o.missing ?? (() => new Error(`public results: no answer for ${o.key}`)))();
  reply.type(JSON_TYPE);
  if (gz) return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.json);
}
