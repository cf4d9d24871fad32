import { describe, expect, it } from 'vitest';
import {
  agenciesNamed,
  assignFilterOf,
  assignFormProblems,
  bulkAssignBody,
  emptyAssignForm,
} from './bulk-assign.ts';

const ASSESSOR = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('bulkAssignBody', () => {
  it('sends the chosen conditions only', () => {
    const form = { ...emptyAssignForm(2568), assessorId: ASSESSOR, provinceCode: 'TH-47' };
    expect(bulkAssignBody(form)).toEqual({ assessorId: ASSESSOR, filter: { provinceCode: 'TH-47' } });
  });

  it('combines province, type and ministry', () => {
    const form = {
      ...emptyAssignForm(2568),
      assessorId: ASSESSOR,
      provinceCode: 'TH-47',
      agencyType: 'sao' as const,
      ministryCode: 'MOI',
    };
    expect(bulkAssignBody(form)?.filter).toEqual({
      provinceCode: 'TH-47',
      agencyType: 'sao',
      ministryCode: 'MOI',
    });
  });

  it('sends a chosen list without repeats and ignores filter fields', () => {
    const form = {
      ...emptyAssignForm(2568),
      assessorId: ASSESSOR,
      mode: 'agencies' as const,
      provinceCode: 'TH-47',
      agencyIds: [A, B, A],
    };
    expect(bulkAssignBody(form)).toEqual({ assessorId: ASSESSOR, agencyIds: [A, B] });
  });

  it('makes no request while the form is incomplete', () => {
    expect(bulkAssignBody({ ...emptyAssignForm(2568), provinceCode: 'TH-47' })).toBeNull();
    expect(bulkAssignBody({ ...emptyAssignForm(2568), assessorId: ASSESSOR })).toBeNull();
  });
});

describe('assignFormProblems', () => {
  it('names every missing part in form order', () => {
    expect(assignFormProblems(emptyAssignForm(null))).toEqual(['year', 'assessor', 'filter']);
    expect(assignFormProblems({ ...emptyAssignForm(2568), mode: 'agencies' })).toEqual([
      'assessor',
      'agencies',
    ]);
  });
});

describe('agenciesNamed', () => {
  it('is the matching count for a filter and unknown without one', () => {
    const form = { ...emptyAssignForm(2568), provinceCode: 'TH-47' };
    expect(agenciesNamed(form, 12)).toBe(12);
    expect(agenciesNamed(emptyAssignForm(2568), 12)).toBeUndefined();
    expect(assignFilterOf(emptyAssignForm(2568))).toBeNull();
  });

  it('is the number of distinct chosen agencies for a list', () => {
    expect(agenciesNamed({ ...emptyAssignForm(2568), mode: 'agencies', agencyIds: [A, A, B] }, 99)).toBe(2);
  });
});
