import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FrameworkInput, ZValidFramework } from '../framework/schema.ts';
import { citableQuestions, citedQuestion } from './advice.ts';

const fy = (year: number) =>
  ZValidFramework.parse(
    JSON.parse(
      readFileSync(new URL(`../../../frameworks/fy${year}.json`, import.meta.url), 'utf8'),
    ) as FrameworkInput,
  );

describe('citableQuestions', () => {
  it('FY2566: seed 002 cites I20 under IIT and E2, E3, E5 under EIT (one code for both parts)', () => {
    const c = citableQuestions(fy(2566), 'sao');
    expect(c.IIT).toHaveLength(30);
    expect(citedQuestion(c, 'IIT', 'I20')).toMatchObject({
      code: 'I20',
      indicator: '4',
      instruments: ['IIT'],
    });
    expect(citedQuestion(c, 'EIT', 'E2')).toMatchObject({ instruments: ['EIT1', 'EIT2'] });
    expect(citedQuestion(c, 'IIT', 'E2')).toBeUndefined();
    expect(citedQuestion(c, 'EIT', 'O42')).toBeUndefined(); // OIT items are not advice on the surveys
  });

  it('FY2568: IIT i1–i15; EIT part 1 ES1–ES9 then part 2 EP1–EP9; case ignored', () => {
    const c = citableQuestions(fy(2568), 'sao');
    expect(c.IIT.map((q) => q.displayCode)).toEqual(Array.from({ length: 15 }, (_, i) => `i${i + 1}`));
    expect(c.EIT.map((q) => q.displayCode)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `ES${i + 1}`),
      ...Array.from({ length: 9 }, (_, i) => `EP${i + 1}`),
    ]);
    expect(citedQuestion(c, 'IIT', 'I2')?.displayCode).toBe('i2');
    expect(citedQuestion(c, 'EIT', 'ep4')).toMatchObject({
      displayCode: 'EP4',
      code: 'e4',
      instruments: ['EIT2'],
    });
    expect(citedQuestion(c, 'EIT', 'e4')).toBeUndefined(); // the framework's own code is not what ITAS shows
  });
});
