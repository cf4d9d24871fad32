// `prongsai backup` and `prongsai restore`: a consistent copy of the database of either driver, taken while
// the app runs, and its restore into a fresh data folder or database (README: "Backup and restore").
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { BackupKind } from '../../ops/backup.ts';
import { CliError, type CliIo, cliConfig, withDatabase } from '../io.ts';

const EXTENSION: Record<BackupKind, string> = { pglite: 'tar.gz', postgres: 'pgdump' };

export function registerBackup(program: Command, io: CliIo) {
  program
    .command('backup')
    .description(
      'Write a consistent backup while the app runs (PGlite: asked of the running server; PostgreSQL: pg_dump)',
    )
    .option('--out <file>', 'backup file (default: prongsai-<driver>-<UTC time>.tar.gz|.pgdump here)')
    .option('--pg-bin <dir>', 'folder of pg_dump/pg_restore (default: PATH, then the newest installed)')
    .action(async (opts: { out?: string; pgBin?: string }) => {
      const cfg = await cliConfig(io);
      const [{ backupPgliteFolder, pgDump }, { requestBackup }] = await Promise.all([
        import('../../ops/backup.ts'),
        import('../../ops/control.ts'),
      ]);
      const kind: BackupKind = cfg.databaseUrl ? 'postgres' : 'pglite';
      const out = path.resolve(opts.out ?? defaultName(kind));
      const partial = `${out}.partial`;
      const started = performance.now();
      let how: string;
      try {
        if (cfg.databaseUrl) {
          await pgDump(cfg.databaseUrl, partial, opts.pgBin);
          how = 'pg_dump';
        } else {
          const fromServer = await requestBackup(cfg.dataDir);
          how = fromServer ? 'taken by the running server' : 'no server running: folder opened directly';
          // Backups hold personal data and keyed hashes: readable by this user only.
          writeFileSync(partial, fromServer ?? (await backupPgliteFolder(path.join(cfg.dataDir, 'pglite'))), {
            mode: 0o600,
          });
        }
        renameSync(partial, out);
      } catch (e) {
        rmSync(partial, { force: true });
        throw new CliError(`backup failed / สำรองข้อมูลไม่สำเร็จ: ${(e as Error).message}`, 1);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const size = (readFileSync(out).byteLength / 1024 / 1024).toFixed(1);
      io.stdout.write(`backup written / สำรองข้อมูลแล้ว: ${out} (${kind}, ${how}, ${size} MB, ${seconds} s)\n`);
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by `prongsai backup`')
    .description(
      'Restore a backup into a new data folder (PRONGSAI_DATA_DIR) or empty database (DATABASE_URL)',
    )
    .option('--pg-bin <dir>', 'folder of pg_dump/pg_restore (default: PATH, then the newest installed)')
    .action(async (file: string, opts: { pgBin?: string }) => {
      const cfg = await cliConfig(io);
      const { backupKindOf, pgRestore, restorePglite } = await import('../../ops/backup.ts');
      const kind = backupKindOf(head(file));
      const target: BackupKind = cfg.databaseUrl ? 'postgres' : 'pglite';
      if (kind !== target)
        throw new CliError(
          kind
            ? `${file} is a ${kind} backup; this configuration uses ${target} (set or unset DATABASE_URL)`
            : `${file} is not a prongsai backup`,
        );
      const started = performance.now();
      try {
        if (cfg.databaseUrl) await pgRestore(cfg.databaseUrl, path.resolve(file), opts.pgBin);
        else await restorePglite(new Uint8Array(readFileSync(file)), path.join(cfg.dataDir, 'pglite'));
      } catch (e) {
        throw new CliError(`restore failed / กู้คืนไม่สำเร็จ: ${(e as Error).message}`, 1);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      // Opening applies any newer migrations, as `start` would; then the audit chain is checked.
      const { auditVerifySummary } = await import('./audit-verify.ts');
      const audit = await withDatabase(io, ({ db }) => auditVerifySummary(db, { config: cfg }));
      io.stdout.write(`restored / กู้คืนแล้ว: ${file} (${kind}, ${seconds} s)\n${audit}\n`);
    });
}

function defaultName(kind: BackupKind): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `prongsai-${kind}-${stamp}.${EXTENSION[kind]}`;
}

function head(file: string): Uint8Array {
  const fd = (() => {
    try {
      return openSync(file, 'r');
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
    }
  })();
  try {
    const buffer = new Uint8Array(8);
    readSync(fd, buffer, 0, 8, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}
