// The baseline of bench:public: a bare Fastify server answering each path with the bytes (and the
// content-type and content-encoding) our server answered, from memory — no database, no rate limit, no
// ETag. Started by bench/public.ts as a child process:
//   node --import tsx bench/public-bare-server.ts --port=N --answers=FILE
// FILE: JSON { "<path>": { "type": "...", "encoding": "gzip" | null, "body": "<base64>" } }.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';

const { values } = parseArgs({ options: { port: { type: 'string' }, answers: { type: 'string' } } });
if (!values.port || !values.answers) throw new Error('usage: --port=N --answers=FILE');

interface Answer {
  type: string;
  encoding: string | null;
  body: Buffer;
}
const stored = JSON.parse(readFileSync(values.answers, 'utf8')) as Record<
  string,
  { type: string; encoding: string | null; body: string }
>;
const answers = new Map<string, Answer>(
  Object.entries(stored).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]),
);

const app = Fastify({ logger: { level: 'warn' } });
app.get('/health', async () => ({ ok: true }));
app.get('/*', (req, reply) => {
  const a = answers.get(req.url);
  if (!a) return reply.code(404).send({ error: 'not stored' });
  reply.type(a.type);
  if (a.encoding) reply.header('content-encoding', a.encoding);
  return reply.send(a.body);
});

await app.listen({ port: Number(values.port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
