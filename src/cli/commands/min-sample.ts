// `prongsai min-sample --year 2568 --instrument IIT --population 150` prints the minimum number of respondents.
import type { Command } from 'commander';
import { CliError, type CliIo } from '../io.ts';
import { cliAction, parseYear, withFrameworks } from './framework.ts';

async function optionsSchema() {
  const { z } = await import('zod');
  return z.object({
    instrument: z.string().trim().min(1).max(10),
    population: z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
    peerGroup: z.string().trim().min(1).optional(),
    sizeClass: z.string().trim().min(1).optional(),
  });
}

interface Options {
  year?: string;
  instrument?: string;
  population?: string;
  peerGroup?: string;
  sizeClass?: string;
}

export function registerMinSample(program: Command, io: CliIo) {
  program
    .command('min-sample')
    .description(
      "Minimum number of respondents for an instrument, by the year's rule (EIT2: give the EIT population)",
    )
    .option('--year <year>', 'fiscal year (BE), e.g. 2568')
    .option('--instrument <code>', 'instrument code, e.g. IIT, EIT1, EIT2')
    .option('--population <n>', 'the population: staff with ≥ 1 year of service (IIT) or service users (EIT)')
    .option('--peer-group <group>', "the agency's peer group, for frameworks whose rule is a table")
    .option('--size-class <size>', "the agency's size class, for frameworks whose rule is a table")
    .action((opts: Options) =>
      cliAction(async () => {
        const year = parseYear(opts.year);
        const parsed = (await optionsSchema()).safeParse(opts);
        if (!parsed.success)
          throw new CliError(
            'ต้องระบุ --instrument (เช่น IIT) และ --population เป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป\n' +
              'Give --instrument (e.g. IIT) and --population as a whole number of at least 0',
          );
        const { minimumSampleForYear } = await import('../../modules/frameworks/index.ts');
        const { minimum } = await withFrameworks(io, (db) => minimumSampleForYear(db, year, parsed.data));
        io.stdout.write(`${minimum}\n`);
      }),
    );
}
