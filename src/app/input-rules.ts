// Rules every route's input follows, applied once for the whole application (not per route):
// - a state-changing route without a body schema takes no body (an empty object at most): unknown fields are
//   refused on every write, not only where a schema remembers to say so;
// - no string the database cannot store (NUL, lone surrogates) gets past the edge, wherever it sits: body,
//   query, path, multipart fields and file names (spreadsheet cells are checked by their parsers with the
//   same rule, `isStorableText`).
// Request bodies are strict objects (`z.strictObject`) all the way down; `route-rules.test.ts` walks every
// registered body schema and fails on one that is not.
import type { FastifyInstance, FastifySchema, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { invalid } from '../core/errors.ts';
import { findUnstorableText } from '../core/input/text.ts';

export interface CatalogueEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  /** Routes that opted out of the CSRF check (anonymous entry points of the staff API). */
  csrf: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its schema: what the input rules and their tests walk. */
    routeCatalogue: CatalogueEntry[];
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The body of a state-changing route that declares none: nothing (Fastify's null), or an empty JSON object. */
export const ZNoBody = z.strictObject({}).nullish();

export function registerInputRules(app: FastifyInstance) {
  const catalogue: CatalogueEntry[] = [];
  app.decorate('routeCatalogue', catalogue);

  app.addHook('onRoute', (route) => {
    const methods = ([] as HTTPMethods[]).concat(route.method);
    if (!route.schema?.body && methods.some((m) => !READS.has(m))) {
      route.schema = { ...route.schema, body: ZNoBody };
    }
    for (const method of methods) {
      catalogue.push({
        method,
        url: route.url,
        schema: route.schema,
        csrf: (route.config as { csrf?: boolean } | undefined)?.csrf !== false,
      });
    }
  });

  // After validation and multipart parsing, before any handler (and before the staff scope's hooks).
  // A callback hook (no promise per request: it runs on every request).
  app.addHook('preHandler', (req, _reply, done) => {
    const where =
      findUnstorableText(req.params, 'params') ??
      findUnstorableText(req.query, 'query') ??
      findUnstorableText(req.body, 'body');
    if (!where) return done();
    done(
      invalid(
        'invalid_characters',
        'ข้อมูลที่ส่งมามีอักขระที่ระบบไม่รองรับ (เช่น อักขระ NUL) กรุณาลบออกแล้วลองใหม่',
        'The request contains characters that cannot be stored (such as NUL); remove them and try again',
        [{ path: where, message: 'contains NUL or a lone surrogate' }],
      ),
    );
  });
}
