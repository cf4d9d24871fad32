import { describe, expect, it } from 'vitest';
import {
  contentOf,
  draftProblems,
  fiscalMonths,
  fromLibrary,
  newMeasure,
  newPoint,
} from './measures-draft.ts';

describe('measures draft', () => {
  it('starts a measure over the fiscal year, answering the weak point it came from', () => {
    expect(fiscalMonths(2568)).toEqual({ from: '2024-10', to: '2025-09' });
    const p = newPoint('4', 'IIT');
    const m = newMeasure(2568, p);
    expect(m).toMatchObject({ weakPointIds: [p.id], from: '2024-10', to: '2025-09' });
    expect(
      draftProblems({
        foreword: null,
        preparedBy: null,
        thaiDigits: true,
        weakPoints: [],
        measures: [m],
      }).get(m.id),
    ).toEqual([
      'measures.problem.title',
      'measures.problem.steps',
      'measures.problem.divisions',
      'measures.problem.monitoring',
    ]);
  });
  it('fills the words from the library and keeps the targets; drops empty steps and removed points on save', () => {
    const p = newPoint('4', 'IIT');
    const m = fromLibrary(newMeasure(2568, p), {
      id: 'x',
      indicator: '4',
      title: 'คู่มือการยืมทรัพย์สิน',
      steps: ['ร่าง', 'ประกาศ'],
      monitoring: 'รายงาน',
      active: true,
    });
    expect(m).toMatchObject({ title: 'คู่มือการยืมทรัพย์สิน', weakPointIds: [p.id] });
    const sent = contentOf({
      foreword: null,
      preparedBy: null,
      thaiDigits: true,
      weakPoints: [],
      measures: [{ ...m, steps: ['ร่าง', ' ', 'ประกาศ'] }],
    });
    expect(sent.measures[0]).toMatchObject({ steps: ['ร่าง', 'ประกาศ'], weakPointIds: [] });
  });
});
