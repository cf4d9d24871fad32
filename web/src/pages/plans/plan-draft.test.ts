import { describe, expect, it } from 'vitest';
import type { Plan, TemplateActivityView } from '../../api/plans.ts';
import {
  blankActivity,
  bodyFromDraft,
  draftChanged,
  draftFromPlan,
  draftProblems,
  fromTemplate,
  move,
} from './plan-draft.ts';

const limits: Plan['limits'] = { activities: 60, title: 1000, offices: 10, office: 200, notes: 2000 };
const saved: Pick<Plan, 'activities'> = {
  activities: [
    {
      kind: 'chase_oit',
      title: 'ติดตามเร่งรัดการตอบแบบตรวจ OIT',
      period: { kind: 'dates', from: '2025-01-01', to: '2025-04-30' },
      offices: ['สำนักงานจังหวัดสกลนคร'],
      status: 'in_progress',
      notes: null,
      chases: [
        { stage: 'oit_answering', href: '/monitoring/2568?province=TH-47&stage=oit_answering', behind: 2 },
      ],
    },
  ],
};
const template: TemplateActivityView = {
  kind: 'briefing',
  title: 'ประชุมชี้แจงแนวทางการประเมิน',
  titleEn: 'Briefing',
  period: { kind: 'months', from: '2024-12', to: '2025-02' },
  offices: ['สำนักงานจังหวัดสกลนคร', 'สำนักงาน ป.ป.ช. ประจำจังหวัดสกลนคร'],
  chases: [],
};

describe('plan draft', () => {
  it('round-trips a saved plan into the same body, chased stages by code', () => {
    const draft = draftFromPlan(saved);
    expect(draftChanged(draft, saved)).toBe(false);
    expect(bodyFromDraft(draft, 3)).toEqual({
      activities: [
        {
          kind: 'chase_oit',
          title: 'ติดตามเร่งรัดการตอบแบบตรวจ OIT',
          period: { kind: 'dates', from: '2025-01-01', to: '2025-04-30' },
          offices: ['สำนักงานจังหวัดสกลนคร'],
          status: 'in_progress',
          notes: null,
          chases: ['oit_answering'],
        },
      ],
      version: 3,
    });
  });

  it('adds a template activity as planned, with its period and offices', () => {
    const draft = [...draftFromPlan(saved), fromTemplate(template)];
    expect(draftChanged(draft, saved)).toBe(true);
    expect(bodyFromDraft(draft, 1).activities[1]).toMatchObject({
      kind: 'briefing',
      status: 'planned',
      period: { kind: 'months', from: '2024-12', to: '2025-02' },
      offices: template.offices,
    });
    expect(draftProblems(draft, 2568, limits).size).toBe(0);
  });

  it('names what a blank activity or a period outside the year still needs', () => {
    const blank = blankActivity('2025-01');
    const far = { ...fromTemplate(template), period: { kind: 'month' as const, month: '2027-01' } };
    const problems = draftProblems([blank, far], 2568, limits);
    expect(problems.get(blank.key)).toEqual(['title', 'offices']);
    expect(problems.get(far.key)).toEqual(['period']);
  });

  it('moves activities within the list and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
