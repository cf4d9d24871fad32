// The floor of bench:start: the least a server on this stack does before it can answer — Node, Fastify,
// PGlite opening the same data folder, Drizzle's migrator checking that every migration is applied, and a
// health route that asks the database. Plain JavaScript (no TypeScript loader), so that it stays the floor.
// Run by bench/start.ts as `node bench/start-baseline.mjs` with PRONGSAI_DATA_DIR and PORT set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import Fastify from 'fastify';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.PRONGSAI_DATA_DIR;
if (!dataDir) throw new Error('PRONGSAI_DATA_DIR is required');

const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
const db = drizzle(client);
await migrate(db, { migrationsFolder: path.join(root, 'drizzle') });
const app = Fastify();
app.get('/api/health', async () => {
  await client.query('select 1');
  return { status: 'ok' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await client.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
