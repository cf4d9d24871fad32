// `prongsai framework list|show|validate|import|export`: yearly frameworks in the database.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Framework } from '../../core/framework/schema.ts';
import type { Db } from '../../db/client.ts';
import { CliError, type CliIo, cliConfig, withDatabase } from '../io.ts';

/** Opens the configured database (migrating it) with the bundled frameworks loaded: works on a fresh checkout. */
export async function withFrameworks<T>(io: CliIo, fn: (db: Db) => Promise<T>): Promise<T> {
  const { loadBundledFrameworks } = await import('../../modules/frameworks/index.ts');
  return withDatabase(io, async ({ db }) => {
    await loadBundledFrameworks(db);
    return fn(db);
  });
}

/** Domain errors become CLI errors (exit 2) in Thai and English; anything else is a bug and propagates. */
export async function toCliError(e: unknown): Promise<unknown> {
  const { DomainError } = await import('../../core/errors.ts');
  if (!(e instanceof DomainError)) return e;
  const lines = [e.th, e.en];
  const problems = (e.details as { problems?: { path: string; th: string; en: string }[] } | undefined)
    ?.problems;
  // Scoring errors already name their problems in the message; framework validation lists them here.
  for (const p of problems ?? [])
    if (!e.en.includes(p.en)) lines.push(`  - ${p.path ? `${p.path}: ` : ''}${p.th} / ${p.en}`);
  return new CliError(lines.join('\n'));
}

export async function cliAction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw await toCliError(e);
  }
}

/** A Buddhist Era fiscal year from 2500 to 2700 (as a number, the way `Number()` reads it). */
export function parseYear(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2500 || year > 2700)
    throw new CliError(
      `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568 (ได้รับ "${String(value ?? '')}")\n` +
        `The fiscal year must be a Buddhist Era year such as 2568 (got "${String(value ?? '')}")`,
    );
  return year;
}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`อ่านไฟล์ ${file} ไม่ได้\nCannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`ไฟล์ ${file} ไม่ใช่ JSON ที่ถูกต้อง\n${file} is not valid JSON: ${(e as Error).message}`);
  }
}

const counts = (f: Framework) => `${f.questions.length} questions, ${f.oitItems.length} OIT items`;

function describe(f: Framework, version: number): string {
  const lines = [
    `FY${f.year} v${version} — ${f.name.th}`,
    ...(f.name.en ? [`  ${f.name.en}`] : []),
    `  ${counts(f)}`,
    '  Instruments / แบบวัด:',
    ...f.instruments.map(
      (i) =>
        `    ${i.code.padEnd(5)} ${String(i.weight).padStart(3)}%  indicators ${i.indicators.join(', ')}  ${i.name.th}`,
    ),
    '  Indicators / ตัวชี้วัด:',
    ...f.indicators.map((i) => `    ${i.code.padStart(2)}  ${i.name.th}`),
    '  Rating / ระดับผลการประเมิน:',
    ...f.rating.rules.map((r) => {
      const when = [
        r.totalAtLeast === undefined ? undefined : `total ≥ ${r.totalAtLeast}`,
        r.everyInstrumentAtLeast === undefined ? undefined : `every instrument ≥ ${r.everyInstrumentAtLeast}`,
        r.someInstrumentBelow === undefined ? undefined : `some instrument < ${r.someInstrumentBelow}`,
      ].filter(Boolean);
      return `    ${r.code.padEnd(12)} ${r.label.th}${r.label.en ? ` (${r.label.en})` : ''}  ${when.join(', ') || 'otherwise'}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

export function registerFramework(program: Command, io: CliIo) {
  const frameworks = () => import('../../modules/frameworks/index.ts');
  const framework = program
    .command('framework')
    .description('Yearly ITA frameworks: list, show, validate, import and export (กรอบการประเมินรายปี)');

  framework
    .command('list')
    .description('Every fiscal year with a framework and its version in force')
    .action(() =>
      cliAction(async () => {
        const { listFrameworks } = await frameworks();
        const rows = await withFrameworks(io, (db) => listFrameworks(db));
        const lines = rows.map(
          (r) =>
            `FY${r.year}  v${r.version}  ${r.origin.padEnd(7)}  ${r.level.padEnd(9)}  ` +
            `${String(r.counts.questions).padStart(3)} questions  ${String(r.counts.oitItems).padStart(3)} OIT items  ` +
            `${r.importedAt}`,
        );
        io.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  framework
    .command('show <year>')
    .description("Summary of a year's framework in force: instruments, weights, indicators, rating")
    .action((year: string) =>
      cliAction(async () => {
        const { frameworkForYear } = await frameworks();
        const { version, framework: f } = await withFrameworks(io, (db) =>
          frameworkForYear(db, parseYear(year)),
        );
        io.stdout.write(describe(f, version));
      }),
    );

  framework
    .command('validate <file>')
    .description('Check a framework file against the schema without touching the database')
    .action((file: string) =>
      cliAction(async () => {
        const { validateFramework } = await frameworks();
        const result = validateFramework(readJsonFile(file));
        if (!result.ok) {
          const n = result.problems.length;
          const lines = [
            `ไฟล์ ${file} ไม่ผ่านการตรวจสอบ ${n} รายการ`,
            `${file} is not a valid framework: ${n} problem${n === 1 ? '' : 's'}`,
            ...result.problems.map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.th} / ${p.en}`),
          ];
          throw new CliError(lines.join('\n'));
        }
        const f = result.framework;
        io.stdout.write(`ถูกต้อง / valid: FY${f.year} (${counts(f)})\n`);
      }),
    );

  framework
    .command('import <file>')
    .description("Store a framework file as its year's new version (e.g. the official question texts)")
    .action((file: string) =>
      cliAction(async () => {
        const body = readJsonFile(file);
        const cfg = await cliConfig(io);
        const [{ storeImportedFramework }, { checkpointAudit }, { createMailer }, { appDeps }] =
          await Promise.all([
            frameworks(),
            import('../../modules/audit/index.ts'),
            import('../../modules/auth/mailer.ts'),
            import('../../app/deps.ts'),
          ]);
        const { year, version } = await withFrameworks(io, async (db) => {
          const stored = await storeImportedFramework(db, body, { importedBy: null, now: new Date() });
          const deps = appDeps({ db, config: cfg, mailer: createMailer(cfg), now: () => new Date() });
          const outcome = await checkpointAudit(deps, 'framework.import');
          if (outcome?.taken === false && outcome.why === 'trail_not_intact')
            io.stderr.write(
              'บันทึกการเปลี่ยนแปลงไม่ผ่านการตรวจสอบ: ไม่ได้ลงนามจุดตรวจสอบ (prongsai audit verify) / ' +
                'The audit log fails verification: no checkpoint was signed (see prongsai audit verify)\n',
            );
          return stored;
        });
        io.stdout.write(`นำเข้าแล้ว / imported: FY${year} version ${version}\n`);
      }),
    );

  framework
    .command('export <year>')
    .description("Write the year's framework in force exactly as stored (stdout, or --out file)")
    .option('--out <file>', 'write to this file instead of stdout')
    .action((year: string, opts: { out?: string }) =>
      cliAction(async () => {
        const { exportFramework } = await frameworks();
        const { definition } = await withFrameworks(io, (db) => exportFramework(db, parseYear(year)));
        const text = `${JSON.stringify(definition, null, 2)}\n`;
        if (opts.out) writeFileSync(opts.out, text);
        else io.stdout.write(text);
      }),
    );
}
