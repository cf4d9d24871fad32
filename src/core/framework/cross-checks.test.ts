import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkProblems } from './cross-checks.ts';
import { type Framework, ZValidFramework } from './schema.ts';

const fy2568 = (): Framework =>
  ZValidFramework.parse(JSON.parse(readFileSync('frameworks/fy2568.json', 'utf8')));

describe('framework cross-checks', () => {
  it('finds nothing wrong in the bundled FY2568 framework', () => {
    expect(frameworkProblems(fy2568())).toEqual([]);
  });

  it('reports weights that do not sum to 100 in Thai and English', () => {
    const f = fy2568();
    f.instruments[0] = { ...(f.instruments[0] as Framework['instruments'][number]), weight: 35 };
    expect(frameworkProblems(f)).toContainEqual({
      path: ['instruments'],
      th: 'น้ำหนักของเครื่องมือรวมกันได้ 105 ไม่ใช่ 100',
      en: 'instrument weights sum to 105, not 100',
    });
  });

  it('reports sample rules that refer to each other in a circle', () => {
    const f = fy2568();
    for (const inst of f.instruments) {
      if (inst.code === 'EIT1')
        inst.sample = { kind: 'formula', of: { minimumOf: 'EIT2' }, share: 0.2, atLeast: 20 };
    }
    const messages = frameworkProblems(f).map((p) => p.en);
    expect(messages).toContain('the sample rules of instrument EIT1 refer to each other in a circle');
  });

  it('gives every problem a Thai message, carried into zod issues', () => {
    const raw = JSON.parse(readFileSync('frameworks/fy2568.json', 'utf8'));
    raw.questions[0].scale = 'nope';
    raw.rating.rules.at(-1).totalAtLeast = 10;
    const result = ZValidFramework.safeParse(raw);
    expect(result.success).toBe(false);
    const custom = result.error?.issues.filter((i) => i.code === 'custom') ?? [];
    expect(custom.length).toBeGreaterThanOrEqual(2);
    for (const issue of custom) expect((issue.params as { th: string }).th).toMatch(/[\u0E00-\u0E7F]/);
  });
});
