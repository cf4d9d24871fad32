// The baseline of bench:submit: a bare Fastify server whose submit route validates the same body with the
// same zod schema and does ONE insert into held_responses (through holdResponse, so the row has the same
// shape as ours) — no grant, window, questionnaire, receipt or burst checks, no transaction. Started by bench/submit.ts
// as a child process: node --import tsx bench/submit-baseline-server.ts --port=N
//   (--database-url=postgres://… | --pglite=DIR)
import { parseArgs } from 'node:util';
import { eq, max } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { frameworkVersions } from '../src/db/schema/index.ts';
import { DEMO_YEAR } from '../src/modules/demo/demo.data.ts';
import { ZRespondParams, ZSubmitBody, ZSubmitResult } from '../src/modules/respond/respond.schema.ts';
import { holdResponse } from '../src/modules/responses/index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'database-url': { type: 'string' },
    pglite: { type: 'string' },
  },
});
if (!values.port || (!values['database-url'] && !values.pglite))
  throw new Error('usage: --port=N (--database-url=URL | --pglite=DIR)');

// Same pool size as the server (openPostgres' default); the schema is already migrated by the server.
const database = values['database-url']
  ? await openPostgres(values['database-url'], { migrate: false })
  : await openPglite({ dataDir: values.pglite, migrate: false });
const { db } = database;
const [head] = await db
  .select({ version: max(frameworkVersions.version) })
  .from(frameworkVersions)
  .where(eq(frameworkVersions.year, DEMO_YEAR));
const frameworkVersion = head?.version;
if (!frameworkVersion) throw new Error(`no FY${DEMO_YEAR} framework in the database`);

const app = Fastify({ logger: { level: 'warn' } }).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);

app.get('/health', async () => ({ ok: true }));

app.post(
  '/api/respond/:agencyId/:instrument/submit',
  { schema: { params: ZRespondParams, body: ZSubmitBody, response: { 200: ZSubmitResult } } },
  async (req) => {
    await holdResponse(db, {
      agencyId: req.params.agencyId,
      year: DEMO_YEAR,
      instrument: req.params.instrument,
      frameworkVersion,
      answers: req.body.answers,
      durationSeconds: req.body.durationSeconds,
      channel: 'web',
    });
    return { status: 'recorded' as const };
  },
);

await app.listen({ port: Number(values.port), host: '127.0.0.1' });

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
