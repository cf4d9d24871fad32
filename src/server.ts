// Starts the HTTP server: database (migrated), reference data, demo data outside production, the app.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app/build.ts';
import type { AppDeps } from './app/context.ts';
import { listenNotice } from './app/listen.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { createMailer } from './modules/auth/mailer.ts';
import { startBackgroundServices, startupTasks } from './modules/startup.ts';
import { dumpPglite } from './ops/backup.ts';
import { startControlChannel } from './ops/control.ts';
import { checkHashKey } from './ops/hash-key.ts';

function boundPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startServer(cfg: Config) {
  const started = performance.now();
  const database = await openDatabase(cfg);
  try {
    // Before anything writes a keyed hash: a changed HASH_SECRET must not quietly orphan the stored ones.
    await checkHashKey(database.db, cfg, new Date());
  } catch (e) {
    await database.close();
    throw e;
  }
  const deps: AppDeps = { db: database.db, config: cfg, mailer: createMailer(cfg), now: () => new Date() };
  const app = await buildApp(deps, { serveWeb: true });
  const report = await startupTasks(deps, app.log);
  // Background jobs (the evidence worker) start with the server and finish their work in hand on close.
  app.addHook('onClose', startBackgroundServices(deps, app.log));
  let closeControl = async () => {};
  app.addHook('onClose', () => closeControl());
  await app.listen({ port: cfg.port, host: cfg.host });
  if ('client' in database) {
    // Only this process may open the embedded database: `prongsai backup` asks it through this channel.
    const { client } = database;
    const control = await startControlChannel(cfg.dataDir, { backup: () => dumpPglite(client) }, app.log);
    closeControl = () => control.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const url = cfg.publicUrl;
  const lines = [
    '',
    `  Prongsai (โปร่งใส) is running at ${url}  (${database.driver}, ready in ${seconds} s, ${rssMb} MB RSS)`,
    `  API docs: ${url}/api/docs`,
    // The bound port: PORT=0 asks the system for a free one.
    ...listenNotice({ ...cfg, port: boundPort(app) }),
    ...report,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
