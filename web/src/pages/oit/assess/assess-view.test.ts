import { describe, expect, it } from 'vitest';
import type { AssessmentItem, ItemScore } from '../../../api/oit-assessment.ts';
import { ApiError } from '../../../lib/api.ts';
import {
  defaultFilter,
  evidencePending,
  filterIndicators,
  foundFromValues,
  initialScoreForm,
  itemAnchor,
  itemCodesOf,
  itemListState,
  nextUnscored,
  scoreFormChanged,
  scoreFormHints,
  scoreTitleKey,
  shortcutAllowed,
  stepItem,
  toScoreBody,
} from './assess-view.ts';

const score = (over: Partial<ItemScore> = {}): ItemScore => ({
  score: 0,
  componentsFound: [1],
  comment: null,
  advice: 'ควรเผยแพร่แผน',
  originalScore: null,
  assessor: null,
  updatedAt: '2025-05-01T03:00:00.000Z',
  ...over,
});

const item = (code: string, over: Partial<AssessmentItem> = {}): AssessmentItem => ({
  code,
  indicator: 'o',
  subIndicator: 'o.1',
  title: { th: code },
  components: [{ th: 'a' }, { th: 'b' }],
  conditions: { mainWebsite: true },
  answer: null,
  evidence: [],
  score: null,
  clarification: null,
  can: { score: true, clarify: false, decide: false },
  ...over,
});

describe('filterIndicators', () => {
  const indicators = [
    {
      code: 'o',
      name: { th: 'o' },
      subIndicators: [
        { code: 'o.1', name: { th: 'o.1' }, items: [item('O1'), item('O2', { score: score() })] },
        { code: 'o.2', name: { th: 'o.2' }, items: [item('O3', { score: score({ score: 100 }) })] },
      ],
    },
  ];

  it('keeps only unscored items the viewer may score for "to score", dropping empty groups', () => {
    const sut = filterIndicators(indicators, 'toScore');
    expect(sut[0]?.subIndicators.map((s) => s.items.map((i) => i.code))).toEqual([['O1']]);
  });

  it('keeps items scored 0 for "zero"', () => {
    const sut = filterIndicators(indicators, 'zero');
    expect(sut.flatMap((i) => i.subIndicators.flatMap((s) => s.items.map((x) => x.code)))).toEqual(['O2']);
  });

  it('shows nothing for "clarifications" when none was filed', () => {
    expect(filterIndicators(indicators, 'clarifications')).toEqual([]);
  });
});

describe('defaultFilter', () => {
  const counts = { applicable: 3, approved: 3, scored: 3, disputed: 1, undecided: 1 };
  const stage = (code: 'oit_scoring' | 'confirmation') => ({
    code,
    name: { th: code },
    opensOn: '2025-01-01',
    closesOn: '2025-01-31',
    open: true,
    phase: 'open' as const,
    daysLeft: 10,
    extended: false,
  });

  it('opens on the clarifications in the confirmation stage', () => {
    expect(defaultFilter({ current: stage('confirmation'), counts })).toBe('clarifications');
  });

  it('shows every item while scoring', () => {
    expect(defaultFilter({ current: stage('oit_scoring'), counts })).toBe('all');
  });
});

describe('itemCodesOf', () => {
  it('reads the item codes a refusal lists', () => {
    const sut = new ApiError(409, 'oit_unscored_items', 'ยังไม่ได้ให้คะแนน', 'unscored', { items: ['O1', 'O7'] });
    expect(itemCodesOf(sut)).toEqual(['O1', 'O7']);
  });

  it('gives nothing for other errors', () => {
    expect(itemCodesOf(new Error('x'))).toEqual([]);
    expect(itemCodesOf(new ApiError(400, 'bad', 'th', 'en', [{ path: 'score' }]))).toEqual([]);
  });
});

describe('itemAnchor', () => {
  it('makes a safe element id from an item code', () => {
    expect(itemAnchor('O1.2 a')).toBe('oit-item-O1_2_a');
  });
});

describe('score form', () => {
  it('starts empty for an unscored item', () => {
    expect(initialScoreForm(null)).toEqual({ score: null, found: [], comment: '', advice: '' });
  });

  it('keeps ticked components sorted and unique', () => {
    expect(foundFromValues(['2', '0', '1', '0'])).toEqual([0, 1, 2]);
    expect(foundFromValues([])).toEqual([]);
  });

  it('warns that 100 needs every component ticked', () => {
    expect(scoreFormHints({ score: 100, found: [0], comment: '', advice: '' }, 2).score).toBe(
      'notEveryComponent',
    );
    expect(scoreFormHints({ score: 100, found: [0, 1], comment: '', advice: '' }, 2)).toEqual({});
  });

  it('asks for advice when the score is 0', () => {
    expect(scoreFormHints({ score: 0, found: [], comment: '', advice: '  ' }, 2).advice).toBe('required');
    expect(scoreFormHints({ score: 0, found: [], comment: '', advice: 'ควรเพิ่ม' }, 2)).toEqual({});
  });

  it('asks for a score before anything can be sent', () => {
    const form = { score: null, found: [0], comment: '', advice: '' };
    expect(scoreFormHints(form, 2).score).toBe('choose');
    expect(toScoreBody(form)).toBeNull();
  });

  it('sends trimmed texts and null for empty ones', () => {
    expect(toScoreBody({ score: 0, found: [1], comment: '  ', advice: ' ควรเพิ่ม ' })).toEqual({
      score: 0,
      componentsFound: [1],
      comment: null,
      advice: 'ควรเพิ่ม',
    });
  });

  it('tells a changed form from the saved score', () => {
    const saved = score();
    expect(scoreFormChanged(initialScoreForm(saved), saved)).toBe(false);
    expect(scoreFormChanged({ ...initialScoreForm(saved), comment: 'new' }, saved)).toBe(true);
    expect(scoreFormChanged(initialScoreForm(null), null)).toBe(false);
  });
});

describe('evidencePending', () => {
  const snapshot = (verdict: 'pending' | 'reachable') =>
    ({ verdict }) as NonNullable<AssessmentItem['evidence'][number]['latest']>;
  const withLatest = (latest: ReturnType<typeof snapshot> | null) => [
    {
      code: 'o',
      name: { th: 'o' },
      subIndicators: [
        {
          code: 'o.1',
          name: { th: 'o.1' },
          items: [item('O1', { evidence: [{ url: 'https://a.go.th/', original: null, latest }] })],
        },
      ],
    },
  ];

  it('is true while a check of some URL waits or runs', () => {
    expect(evidencePending({ indicators: withLatest(snapshot('pending')) })).toBe(true);
  });

  it('is false once every check has finished or none was made', () => {
    expect(evidencePending({ indicators: withLatest(snapshot('reachable')) })).toBe(false);
    expect(evidencePending({ indicators: withLatest(null) })).toBe(false);
  });
});

describe('item by item', () => {
  const item = (code: string, score: 0 | 100 | null, canScore = true) =>
    ({ code, score: score === null ? null : { score }, can: { score: canScore } }) as never;
  const items = [item('o1', 100), item('o2', null), item('o3', 0), item('o4', null, false), item('o5', null)];

  it('names where each item stands', () => {
    expect(items.map((i) => itemListState(i))).toEqual(['full', 'unscored', 'zero', 'waiting', 'unscored']);
  });

  it('finds the next unscored item after the open one, wrapping round, and none when all are scored', () => {
    expect(nextUnscored(items, 'o2')).toBe('o5');
    expect(nextUnscored(items, 'o5')).toBe('o2');
    expect(nextUnscored(items, null)).toBe('o2');
    expect(nextUnscored([item('o1', 100), item('o2', 0)], 'o1')).toBeNull();
  });

  it('steps to the previous and next item, stopping at the ends', () => {
    expect(stepItem(items, 'o1', -1)).toBeNull();
    expect(stepItem(items, 'o1', 1)).toBe('o2');
    expect(stepItem(items, 'o5', 1)).toBeNull();
  });

  it('keeps shortcuts away from typing, but not from a ticked checkbox', () => {
    const key = (target: object | null, mods = {}) =>
      shortcutAllowed({
        target: target as EventTarget,
        altKey: false,
        ctrlKey: false,
        metaKey: false,
        ...mods,
      });
    expect(key({ tagName: 'TEXTAREA' })).toBe(false);
    expect(key({ tagName: 'INPUT', type: 'text' })).toBe(false);
    expect(key({ tagName: 'INPUT', type: 'checkbox' })).toBe(true);
    expect(key({ tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(key({ tagName: 'BUTTON' })).toBe(true);
    expect(key({ tagName: 'BUTTON' }, { ctrlKey: true })).toBe(false);
  });

  it('says "so far" only until the assessment is submitted', () => {
    expect(scoreTitleKey('approved')).toBe('title');
    expect(scoreTitleKey('assessed')).toBe('titleAssessed');
    expect(scoreTitleKey('confirmed')).toBe('titleConfirmed');
  });
});
