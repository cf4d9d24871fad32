// Starts the HTTP server: database (migrated), reference data, demo data outside production, the app.
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app/build.ts';
import type { AppDeps } from './app/context.ts';
import { appDeps } from './app/deps.ts';
import { listenNotice } from './app/listen.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { createMailer } from './modules/auth/mailer.ts';
import { startBackgroundServices, startupTasks } from './modules/startup.ts';
import { dumpPglite } from './ops/backup.ts';
import { type ControlLog, startControlChannel } from './ops/control.ts';
import { checkHashKey } from './ops/hash-key.ts';

function boundPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startServer(cfg: Config) {
  const started = performance.now();
  // PGlite: only this process may open the folder, from before it is opened (migrations write) to the end:
  // the control file tells the CLI so, and `prongsai backup` asks this process through the channel.
  let pglite: PGlite | undefined;
  let log: ControlLog | undefined;
  const control = cfg.databaseUrl
    ? null
    : await startControlChannel(
        cfg.dataDir,
        {
          backup: () => {
            if (!pglite) throw new Error('the server is still starting');
            return dumpPglite(pglite);
          },
        },
        { info: (o, m) => log?.info(o, m), warn: (o, m) => log?.warn(o, m) },
      );
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(cfg);
  } catch (e) {
    await control?.close();
    throw e;
  }
  if ('client' in database) pglite = database.client;
  try {
    // Before anything writes a keyed hash: a changed HASH_SECRET must not quietly orphan the stored ones.
    await checkHashKey(database.db, cfg, new Date());
  } catch (e) {
    await database.close();
    await control?.close();
    throw e;
  }
  const deps: AppDeps = appDeps({
    db: database.db,
    config: cfg,
    mailer: createMailer(cfg),
    now: () => new Date(),
  });
  const app = await buildApp(deps, { serveWeb: true });
  log = app.log;
  if (control) app.addHook('onClose', () => control.close());
  const report = await startupTasks(deps, app.log);
  // Background jobs (the evidence worker) start with the server and finish their work in hand on close.
  app.addHook('onClose', startBackgroundServices(deps, app.log));
  await app.listen({ port: cfg.port, host: cfg.host });
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
