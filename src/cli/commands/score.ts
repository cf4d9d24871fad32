// `prongsai score`: one JSON object on stdin → one JSON object on stdout (published scores → total, rating).
import type { Command } from 'commander';
import { CliError, type CliIo, readStdin } from '../io.ts';
import { cliAction, withFrameworks } from './framework.ts';

const EXAMPLE = '{"year": 2568, "indicators": {"1": 98.22, "2": 99.33, …, "10": 90}}';

async function parseInput(text: string) {
  const [{ z }, { ZScoreCliInput }] = await Promise.all([
    import('zod'),
    import('../../modules/frameworks/index.ts'),
  ]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `ข้อมูลนำเข้าไม่ใช่ JSON ที่ถูกต้อง (${(e as Error).message}) ตัวอย่าง: ${EXAMPLE}\n` +
        `The input is not valid JSON (${(e as Error).message}); for example: ${EXAMPLE}`,
    );
  }
  const parsed = ZScoreCliInput.safeParse(json);
  if (parsed.success) return parsed.data;
  const thai = ZScoreCliInput.safeParse(json, { error: z.locales.th().localeError });
  const where = (path: PropertyKey[]) => (path.length ? `${path.join('.')}: ` : '');
  const lines = [
    `ข้อมูลนำเข้าไม่ถูกต้อง ต้องเป็นออบเจกต์ที่มี "year" และ "indicators" หรือ "instruments" เช่น ${EXAMPLE}`,
    `The input is not valid: an object with "year" and either "indicators" or "instruments", e.g. ${EXAMPLE}`,
    ...parsed.error.issues.map((issue, i) => {
      const th = thai.success ? issue.message : (thai.error.issues[i]?.message ?? issue.message);
      return `  - ${where(issue.path)}${th}${th === issue.message ? '' : ` / ${issue.message}`}`;
    }),
  ];
  throw new CliError(lines.join('\n'));
}

export function registerScore(program: Command, io: CliIo) {
  program
    .command('score')
    .description(
      'Read {"year", "indicators"|"instruments"} as JSON on stdin; print the instrument scores, total and rating as JSON',
    )
    .action(() =>
      cliAction(async () => {
        const { year, ...body } = await parseInput(await readStdin(io));
        const { scoreYear } = await import('../../modules/frameworks/index.ts');
        const output = await withFrameworks(io, (db) => scoreYear(db, year, body));
        io.stdout.write(`${JSON.stringify(output)}\n`);
      }),
    );
}
