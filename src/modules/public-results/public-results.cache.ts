// HTTP caching of the public routes: an ETag derived from what the answer depends on (the publication in
// effect, the route and its query — a new publication changes it), Cache-Control public for 5 minutes, and
// 304 Not Modified when the client already holds it (checked before any figure is read).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';

/** ETags computed lately (a pure function of its key: a busy page asks for the same one every time). */
const recentEtags = new LRUCache<string, string>({ max: 10_000 });

export function etagOf(basis: string, url: string): string {
  const key = `${basis}\n${url}`;
  let etag = recentEtags.get(key);
  if (etag === undefined) {
    etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
    recentEtags.set(key, etag);
  }
  return etag;
}

/** Whether the request's If-None-Match names `etag` (a list, weak forms and * included). */
export function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Sets the caching headers for an answer depending on `basis`; true when the client's copy is current
 * (the caller answers 304 with no body).
 */
export function cacheHeaders(req: FastifyRequest, reply: FastifyReply, basis: string): boolean {
  const etag = etagOf(basis, req.url);
  reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL);
  return notModified(req.headers['if-none-match'], etag);
}

/** 304 Not Modified, no body (the routes' typed replies only know their 200 answer). */
export const notModifiedReply = (reply: FastifyReply) => (reply as FastifyReply).code(304).send();
