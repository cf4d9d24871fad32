// Start-up tasks skipped when nothing changed (issue 13 §5): the rule of the runner, and the bundled
// frameworks on a folder of their own — a changed file is loaded at the next start, an unchanged one is not.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.ts';
import type { AppDeps } from '../app/context.ts';
import { appDeps } from '../app/deps.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { frameworkVersions, startupMarks } from '../db/schema/index.ts';
import { BUNDLED_FRAMEWORKS_DIR } from '../paths.ts';
import { bundledFrameworksTaskFor } from './frameworks/frameworks.startup.ts';
import { type SkippableStartupTask, startupTasks } from './startup.ts';

const log = { info() {}, warn() {}, debug() {} } as unknown as FastifyBaseLogger;

let database: Database;
let deps: AppDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = appDeps({
    db: database.db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    mailer: { send: async () => {} },
    now: () => new Date('2025-03-01T03:00:00Z'),
  });
});
afterAll(() => database.close());

/** A task whose inputs the test sets; it counts its runs. */
function probe(name: string) {
  const state = { fingerprint: 'a', runs: 0, stillThere: true, fails: false };
  const task: SkippableStartupTask = {
    name,
    fingerprint: () => state.fingerprint,
    run: async () => {
      if (state.fails) throw new Error(`${name} failed`);
      state.runs++;
      return [`${name} ran`];
    },
    unchanged: async () => (state.stillThere ? [`${name} unchanged`] : null),
  };
  return { state, task };
}

describe('startupTasks with skippable tasks', () => {
  beforeEach(async () => {
    await deps.db.delete(startupMarks);
  });

  it('runs a task the first time, skips it while its fingerprint is the same, runs it when it changes', async () => {
    const { state, task } = probe('one');
    expect(await startupTasks(deps, log, [task])).toEqual(['one ran']);
    expect(await startupTasks(deps, log, [task])).toEqual(['one unchanged']);
    expect(state.runs).toBe(1);
    state.fingerprint = 'b';
    expect(await startupTasks(deps, log, [task])).toEqual(['one ran']);
    expect(await startupTasks(deps, log, [task])).toEqual(['one unchanged']);
    expect(state.runs).toBe(2);
  });

  it('runs it when what it made is gone, though its fingerprint is the same', async () => {
    const { state, task } = probe('gone');
    await startupTasks(deps, log, [task]);
    state.stillThere = false;
    expect(await startupTasks(deps, log, [task])).toEqual(['gone ran']);
    expect(state.runs).toBe(2);
  });

  it('runs a later task again when an earlier one changed, not the other way round', async () => {
    const first = probe('first');
    const second = probe('second');
    const tasks = [first.task, second.task];
    await startupTasks(deps, log, tasks);
    first.state.fingerprint = 'changed';
    expect(await startupTasks(deps, log, tasks)).toEqual(['first ran', 'second ran']);
    second.state.fingerprint = 'changed';
    expect(await startupTasks(deps, log, tasks)).toEqual(['first unchanged', 'second ran']);
  });

  it('records nothing for a run that failed: the next start runs it again', async () => {
    const { state, task } = probe('flaky');
    state.fails = true;
    await expect(startupTasks(deps, log, [task])).rejects.toThrow('flaky failed');
    state.fails = false;
    expect(await startupTasks(deps, log, [task])).toEqual(['flaky ran']);
  });

  it('keeps running the plain tasks at every start', async () => {
    let plain = 0;
    const { task } = probe('beside');
    const tasks = [
      async () => {
        plain++;
        return [];
      },
      task,
    ];
    await startupTasks(deps, log, tasks);
    await startupTasks(deps, log, tasks);
    expect(plain).toBe(2);
  });
});

describe('bundled frameworks at start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'prongsai-frameworks-'));
    copyFileSync(path.join(BUNDLED_FRAMEWORKS_DIR, 'fy2563.json'), path.join(dir, 'fy2563.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const versions = () =>
    deps.db
      .select({ version: frameworkVersions.version })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.year, 2563));

  it('loads a file, skips it unchanged at the next start, and loads it again once changed', async () => {
    await deps.db.delete(startupMarks);
    const task = bundledFrameworksTaskFor(dir);
    expect(await startupTasks(deps, log, [task])).toEqual([
      '  Frameworks / กรอบการประเมิน: FY2563–FY2563 (new: FY2563 v1)',
    ]);
    expect(await startupTasks(deps, log, [task])).toEqual(['  Frameworks / กรอบการประเมิน: FY2563–FY2563']);
    expect(await versions()).toHaveLength(1);

    const file = path.join(dir, 'fy2563.json');
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    definition.source = `${definition.source} (corrected)`;
    writeFileSync(file, JSON.stringify(definition, null, 2));
    expect(await startupTasks(deps, log, [task])).toEqual([
      '  Frameworks / กรอบการประเมิน: FY2563–FY2563 (new: FY2563 v2)',
    ]);
    expect(await versions()).toHaveLength(2);
  });
});
