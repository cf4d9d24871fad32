import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Framework, ZValidFramework } from '../framework/schema.ts';
import { scoreFromAggregates } from '../scoring/engine.ts';
import { type PastResultsTable, parsePastResults } from './past-results.ts';
import { possibleRatings } from './ratings.ts';

const fy = (year: number): Framework =>
  ZValidFramework.parse(
    JSON.parse(readFileSync(new URL(`../../../frameworks/fy${year}.json`, import.meta.url), 'utf8')),
  );
const frameworks = new Map([2563, 2564, 2565, 2566, 2567, 2568].map((y) => [y, fy(y)]));
const frameworkFor = (year: number) => frameworks.get(year);

const table = (header: string[], ...rows: string[][]): PastResultsTable => ({
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const problemsOf = (t: PastResultsTable) =>
  parsePastResults(t, frameworkFor).rows.flatMap((r) =>
    r.ok ? [] : r.problems.map((p) => `${p.line} ${p.column} ${p.en}`),
  );

describe('parsePastResults', () => {
  it('reads a row as NACC prints it: Thai headers and digits, an EIT score for both parts, indicators', () => {
    const report = parsePastResults(
      table(
        [
          'ลำดับ',
          'รหัสหน่วยงาน',
          'ชื่อหน่วยงาน',
          'ปีงบประมาณ',
          'IIT',
          'EIT',
          'OIT',
          'ตัวชี้วัดที่ 9',
          'คะแนนรวม',
          'ระดับผลการประเมิน',
        ],
        ['๑', 'SAO-001', 'อบต.ตัวอย่าง', '๒๕๖๖', '90', '88.5', '80', '81.25', '85.55', 'ผ่าน'],
      ),
      frameworkFor,
    );
    expect(report.problems).toEqual([]);
    expect(report.rows).toEqual([
      {
        line: 2,
        ok: true,
        result: {
          agencyCode: 'SAO-001',
          year: 2566,
          total: 85.55,
          rating: { code: 'pass', th: 'ผ่าน', en: 'Pass', passes: true },
          instruments: { IIT: 90, EIT1: 88.5, EIT2: 88.5, OIT: 80 },
          indicators: { '9': 81.25 },
        },
      },
    ]);
  });

  it('accepts a total and rating alone, and any rating the unknown instruments leave open', () => {
    const header = ['agency_code', 'fiscal_year', 'total', 'rating'];
    expect(
      problemsOf(
        table(
          header,
          ['A1', '2568', '95.93', 'ผ่านดีเยี่ยม'],
          ['A2', '2568', '95.93', 'good'],
          ['A3', '2565', '86', 'A'],
        ),
      ),
    ).toEqual([]);
  });

  it('reports a rating that contradicts the total under that year’s bands, without fixing it', () => {
    const header = ['agency_code', 'fiscal_year', 'total', 'rating', 'IIT', 'EIT1', 'EIT2', 'OIT'];
    expect(
      problemsOf(
        table(
          header,
          ['A1', '2565', '84.99', 'A', '', '', '', ''],
          ['A2', '2568', '95.93', 'excellent', '98.13', '99.47', '99.47', '91.63'],
          ['A3', '2568', '70', 'ผ่าน', '', '', '', ''],
        ),
      ),
    ).toEqual([
      '2 rating Rating "A" does not agree with a total of 84.99 under the FY2565 bands (expected B)',
      '3 rating Rating "excellent" does not agree with a total of 95.93 under the FY2568 bands (expected good)',
      '4 rating Rating "pass" does not agree with a total of 70 under the FY2568 bands (expected improve)',
    ]);
  });

  it('reports a total that contradicts the instrument scores', () => {
    expect(
      problemsOf(
        table(
          ['agency_code', 'fiscal_year', 'total', 'rating', 'IIT', 'EIT', 'OIT'],
          ['A1', '2565', '90', 'A', '90', '90', '80'],
        ),
      ),
    ).toEqual(['2 total Total 90 does not agree with the weighted instrument scores (86.00)']);
  });

  it('refuses years without a framework, Common Era years, bad codes and scores, and duplicates', () => {
    expect(
      problemsOf(
        table(
          ['agency_code', 'fiscal_year', 'total', 'rating', 'EIT1', 'indicator_11'],
          ['A1', '2562', '90', 'A', '', ''],
          ['A2', '2025', '90', 'A', '', ''],
          ['', '2568', '101', 'ดีมาก', '', ''],
          ['A4', '2565', '90', 'A', '90', ''],
          ['A5', '2568', '90', 'pass', 'x', '50'],
          ['A5', '2568', '90', 'pass', '', ''],
        ),
      ),
    ).toEqual([
      '2 fiscal_year There is no FY2562 framework, so results of that year cannot be imported',
      '3 fiscal_year Fiscal year 2025 looks like a Common Era year; use the Buddhist Era (2568)',
      '4 agency_code The agency code is required',
      '4 total Total "101" must be a number from 0 to 100',
      '4 rating Unknown FY2568 rating "ดีมาก" (it has excellent, good, pass, improve, urgent)',
      '5 EIT1 FY2565 has no instrument EIT1 (it has IIT, EIT, OIT)',
      '6 EIT1 Score "x" must be a number from 0 to 100',
      '6 indicator_11 FY2568 has no indicator 11',
      '7 agency_code Agency A5, FY2568 repeats line 6',
    ]);
  });

  it('refuses a file whose header lacks a required column or has an unknown one', () => {
    const report = parsePastResults(
      table(['agency_code', 'total', 'rating', 'คะแนนเฉลี่ย'], ['A1', '90', 'A', '1']),
      frameworkFor,
    );
    expect(report.rows).toEqual([]);
    expect(report.problems.map((p) => p.en)).toEqual([
      'Unknown column "คะแนนเฉลี่ย"',
      'The header has no fiscal_year column',
    ]);
  });

  it('reports an instrument given by its alias and by its part', () => {
    expect(
      problemsOf(
        table(
          ['agency_code', 'fiscal_year', 'total', 'rating', 'EIT', 'EIT1'],
          ['A1', '2568', '90', 'pass', '90', '90'],
        ),
      ),
    ).toEqual(['2 EIT1 Instrument EIT1 is given twice (columns EIT and EIT1)']);
  });
});

describe('possibleRatings', () => {
  it('is exactly the engine’s rating when every instrument is known', () => {
    const f = frameworks.get(2568) as Framework;
    const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.tuple(score, score, score), fc.tuple(score, score, score), (iit, eit) => {
        const indicators = {
          '1': iit[0],
          '2': iit[1],
          '3': iit[2],
          '4': iit[0],
          '5': iit[1],
          '6': eit[0],
          '7': eit[1],
          '8': eit[2],
          '9': eit[0],
          '10': iit[2],
        };
        const r = scoreFromAggregates(f, { indicators });
        const known = Object.fromEntries(Object.entries(r.instruments).map(([k, v]) => [k, v as number]));
        expect(possibleRatings(f, r.total, known)).toEqual([r.rating.code]);
      }),
    );
  });

  it('leaves instrument-dependent ratings open when instruments are unknown', () => {
    const f = frameworks.get(2568) as Framework;
    expect(possibleRatings(f, 95.93, {})).toEqual(['excellent', 'good', 'pass']);
    expect(possibleRatings(f, 95.93, { OIT: 91.63 })).toEqual(['good', 'pass']);
    expect(possibleRatings(f, 95.93, { OIT: 80 })).toEqual(['pass']);
    expect(possibleRatings(f, 84.99, {})).toEqual(['improve']);
  });
});
