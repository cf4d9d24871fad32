// The anonymous microdata of a year (NACC admins): the responses as CSV, streamed, and its dictionary.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZYearParams } from './microdata.schema.ts';
import { dictionaryCsv, responsesCsv } from './microdata.service.ts';

const tags = ['microdata'];

/** A CSV download: never cached (each is audited and holds answers), saved under its name. */
const sendCsv = (reply: FastifyReply, filename: string, body: Readable | string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(body);

export const microdataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/microdata/:year/responses.csv',
    {
      schema: {
        tags,
        summary: 'Every counted response of the year as anonymous microdata, CSV, streamed (NACC admins)',
        description:
          'One row per counted response (IIT, EIT part 1, EIT part 2; responses excluded by a quality ' +
          'review are left out): year, agency code, instrument, then one column per question (one per ' +
          'sub-item) named by its ITAS display code, holding the option as stored (empty: not asked or ' +
          'skipped). No response id, time, channel or anything else about the respondent; rows ordered by ' +
          'agency code, instrument and a keyed hash (a new key each download). Every survey instrument of ' +
          'an agency with an instrument of 1–4 responses is withheld. UTF-8 with a byte-order mark, LF line ' +
          'ends, header row of stable names (see …/dictionary.csv). Each download is audited.',
        security: [{ session: [] }],
        params: ZYearParams,
        response: { 200: z.any().describe('CSV, streamed') },
      },
    },
    async (req, reply) => {
      const download = await responsesCsv(app.deps, req.actor, req.params.year);
      return sendCsv(reply, download.filename, download.body);
    },
  );

  app.get(
    '/microdata/:year/dictionary.csv',
    {
      schema: {
        tags,
        summary: 'The data dictionary of the year’s microdata: each column in Thai and English (NACC admins)',
        security: [{ session: [] }],
        params: ZYearParams,
        response: { 200: z.string().describe('CSV') },
      },
    },
    async (req, reply) => {
      const dictionary = await dictionaryCsv(app.deps, req.actor, req.params.year);
      return sendCsv(reply, dictionary.filename, dictionary.text);
    },
  );
};
