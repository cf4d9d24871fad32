import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FrameworkInput, ZValidFramework } from '../framework/schema.ts';
import { displayCodeOf, displayCodes } from './display.ts';

const raw = (year: number) =>
  JSON.parse(
    readFileSync(new URL(`../../../frameworks/fy${year}.json`, import.meta.url), 'utf8'),
  ) as FrameworkInput;
const fy = (year: number) => ZValidFramework.parse(raw(year));
const indicatorOf = (year: number, code: string) =>
  fy(year).questions.find((q) => q.code === code)?.indicator;

describe('displayCodeOf', () => {
  const fy2568 = fy(2568);

  it('shows FY2568 questions as seed 004 cites them, each EIT part with its own prefix', () => {
    // Seed 004: i2 under indicator 1, i10 and i12 under 4, ES2 under 6, EP4/EP5 under 7, EP7/EP8 under 8.
    const cited = { IIT: ['i2', 'i10', 'i12'], EIT1: ['ES2'], EIT2: ['EP4', 'EP5', 'EP7', 'EP8'] };
    const indicators: Record<string, string> = {
      i2: '1',
      i10: '4',
      i12: '4',
      ES2: '6',
      EP4: '7',
      EP5: '7',
      EP7: '8',
      EP8: '8',
    };
    for (const [inst, codes] of Object.entries(cited)) {
      const byDisplay = new Map([...displayCodes(fy2568, inst)].map(([q, shown]) => [shown, q]));
      for (const shown of codes) {
        const question = byDisplay.get(shown);
        expect(question, `${inst} ${shown}`).toBeDefined();
        expect(indicatorOf(2568, question as string), shown).toBe(indicators[shown]);
      }
    }
    expect(displayCodeOf(fy2568, 'EIT1', 'e2')).toBe('ES2');
    expect(displayCodeOf(fy2568, 'EIT2', 'e2')).toBe('EP2');
    expect([...displayCodes(fy2568, 'EIT2').values()]).toEqual([
      'EP1',
      'EP2',
      'EP3',
      'EP4',
      'EP5',
      'EP6',
      'EP7',
      'EP8',
      'EP9',
    ]);
  });

  it('falls back to the codes themselves, as seed 002 cites FY2566 (I20, I23, I24 under 4; E2, E3, E5 under 6; O42)', () => {
    const fy2566 = fy(2566);
    for (const code of ['I20', 'I23', 'I24']) {
      expect(displayCodeOf(fy2566, 'IIT', code)).toBe(code);
      expect(indicatorOf(2566, code)).toBe('4');
    }
    for (const code of ['E2', 'E3', 'E5']) {
      expect(displayCodeOf(fy2566, 'EIT1', code)).toBe(code);
      expect(displayCodeOf(fy2566, 'EIT2', code)).toBe(code);
      expect(indicatorOf(2566, code)).toBe('6');
    }
    expect(displayCodeOf(fy2566, 'OIT', 'O42')).toBe('O42');
  });

  it('is undefined where the instrument does not ask the question', () => {
    expect(displayCodeOf(fy2568, 'IIT', 'e1')).toBeUndefined();
    expect(displayCodeOf(fy2568, 'EIT1', 'o1')).toBeUndefined();
    expect(displayCodeOf(fy2568, 'OIT', 'i1')).toBeUndefined();
    expect(displayCodeOf(fy2568, 'XYZ', 'i1')).toBeUndefined();
    expect(displayCodeOf(fy2568, 'IIT', 'i99')).toBeUndefined();
  });
});

describe('display codes in a framework file', () => {
  const problems = (edit: (f: FrameworkInput) => void) => {
    const f = raw(2568);
    edit(f);
    const result = ZValidFramework.safeParse(f);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };
  const question = (f: FrameworkInput, code: string) => {
    const q = f.questions?.find((x) => x.code === code);
    if (!q) throw new Error(code);
    return q;
  };

  it('must belong to an instrument that asks the question', () => {
    expect(problems((f) => (question(f, 'i1').display = { IIT: 'i1', EIT1: 'X1' }))).toEqual([
      'question i1: display code for instrument EIT1, which does not ask it',
    ]);
  });

  it('must be unique within an instrument', () => {
    expect(problems((f) => (question(f, 'e2').display = { EIT1: 'ES1', EIT2: 'EP2' }))).toEqual([
      'display code "ES1" of instrument EIT1 is used twice (questions e1 and e2)',
    ]);
  });

  it('is given for every question of an instrument or for none', () => {
    expect(problems((f) => (question(f, 'e3').display = { EIT1: 'ES3' }))).toEqual([
      'instrument EIT2: questions e3 have no display code; give one to every question or to none',
    ]);
    expect(
      problems((f) => {
        for (const q of f.questions ?? []) delete q.display;
      }),
    ).toEqual([]);
  });

  it('follows the code pattern', () => {
    expect(problems((f) => (question(f, 'i1').display = { IIT: 'i-1' }))).toEqual(['invalid display code']);
  });
});
