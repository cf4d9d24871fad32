// Answers built once and sent many times as the same bytes: the JSON text and its gzip, made together when
// the answer is made (not per request), and the one check of whether a request takes gzip. A JSON answer of
// ~130 kB costs more CPU to write to the socket than anything else in its request; the gzip is ~15× smaller.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzip = promisify(gzipCallback);

/** Whether an Accept-Encoding header takes gzip (q > 0, `*` included). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  // Clients send a handful of spellings: each is worked out once (a bounded set, emptied when full).
  let takes = gzipAnswers.get(header);
  if (takes === undefined) {
    takes = header.split(',').some((part) => {
      const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      if (coding !== 'gzip' && coding !== '*') return false;
      const q = params.find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
    if (gzipAnswers.size >= 256) gzipAnswers.clear();
    gzipAnswers.set(header, takes);
  }
  return takes;
}
const gzipAnswers = new Map<string, boolean>();

/** A JSON answer as bytes, plain and gzip-compressed. */
export interface PrebuiltJson {
  json: Buffer;
  gzip: Buffer;
}

/** Serializes `value` once (the caller has checked it against the route's response schema) and packs it. */
export async function prebuildJson(value: unknown): Promise<PrebuiltJson> {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return { json, gzip: await gzip(json) };
}

/**
 * Sends a prebuilt answer: gzip to a client that takes it, else the plain bytes (Fastify sends a Buffer as
 * it is: no serializing, no response-schema pass). The two are representations of one answer (Vary).
 */
export function sendPrebuiltJson(req: FastifyRequest, reply: FastifyReply, body: PrebuiltJson) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (acceptsGzip(req.headers['accept-encoding']))
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.json);
}
