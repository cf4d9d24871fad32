// Pure pieces of the respondent pages: addresses, the answer sheet, and the device draft that makes a retry
// send the same submission.
import { describe, expect, it } from 'vitest';
import { firstOpenGroup, forQuestionnaire, isAnswered, progress, withAnswer } from './answers.ts';
import type { Questionnaire } from './api.ts';
import {
  type DraftStore,
  durationSeconds,
  loadDraft,
  newDraft,
  newSubmissionId,
  saveDraft,
  validGrant,
} from './draft.ts';
import { parseRoute } from './route.ts';

const options = [
  { value: 'yes', label: { th: 'ใช่' } },
  { value: 'no', label: { th: 'ไม่ใช่' } },
];
const questionnaire: Questionnaire = {
  year: 2568,
  instrument: { code: 'IIT', name: { th: 'IIT' } },
  agencyType: 'pao',
  groups: [
    {
      indicator: { code: '1', name: { th: 'หนึ่ง' } },
      questions: [{ code: 'i1', text: { th: 'ข้อ 1' }, scaleCode: 'yn', options, subItems: [] }],
    },
    {
      indicator: { code: '2', name: { th: 'สอง' } },
      questions: [
        {
          code: 'i2',
          text: { th: 'ข้อ 2' },
          scaleCode: 'yn',
          options,
          subItems: [
            { code: 'a', text: { th: 'ก' } },
            { code: 'b', text: { th: 'ข' } },
          ],
        },
      ],
    },
  ],
};

describe('parseRoute', () => {
  it('reads the IIT agency and the token of a slip', () => {
    expect(parseRoute('/respond/iit/abc', '?t=TOK1')).toEqual({
      page: 'survey',
      instrument: 'IIT',
      agencyId: 'abc',
      token: 'TOK1',
    });
  });
  it('tells the EIT search from an EIT agency and rejects other paths', () => {
    expect(parseRoute('/respond/eit', '')).toEqual({ page: 'eit-search' });
    expect(parseRoute('/respond/eit/x', '?t=ignored')).toMatchObject({ instrument: 'EIT1', token: '' });
    expect(parseRoute('/respond/iit', '').page).toBe('not-found');
    expect(parseRoute('/respond/oit/x', '').page).toBe('not-found');
    expect(parseRoute('/respond/iit/x/y', '').page).toBe('not-found');
  });
});

describe('answer sheet', () => {
  it('counts a question with sub-items only when every sub-item is answered', () => {
    const half = withAnswer({}, 'i2', 'yes', 'a');
    expect(isAnswered(questionnaire.groups[1]?.questions[0] as never, half.i2)).toBe(false);
    const full = withAnswer(half, 'i2', 'no', 'b');
    expect(full.i2).toEqual({ a: 'yes', b: 'no' });
    expect(progress(questionnaire, withAnswer(full, 'i1', 'yes'))).toEqual({ answered: 2, total: 2 });
  });
  it('resumes at the first part with an unanswered question and drops answers to unknown questions', () => {
    expect(firstOpenGroup(questionnaire, { i1: 'yes' })).toBe(1);
    expect(firstOpenGroup(questionnaire, {})).toBe(0);
    expect(forQuestionnaire(questionnaire, { i1: 'yes', old9: 'no' })).toEqual({ i1: 'yes' });
  });
});

describe('draft', () => {
  const memory = (): DraftStore => {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
  };

  it('keeps the same submission id and start across a reload', () => {
    const store = memory();
    const draft = { ...newDraft(1_000), answers: { i1: 'yes' } };
    saveDraft(store, 'k', draft);
    const again = loadDraft(store, 'k');
    expect(again?.submissionId).toBe(draft.submissionId);
    expect(again && durationSeconds(again, 91_000)).toBe(90);
  });
  it('ignores a damaged draft', () => {
    const store = memory();
    store.setItem('k', '{not json');
    expect(loadDraft(store, 'k')).toBeNull();
    store.setItem('k', JSON.stringify({ v: 2 }));
    expect(loadDraft(store, 'k')).toBeNull();
  });
  it('uses a grant only while it has more than a minute left', () => {
    const now = Date.parse('2025-02-01T10:00:00Z');
    const draft = { ...newDraft(now), grant: 'g', grantExpiresAt: '2025-02-01T10:05:00Z' };
    expect(validGrant(draft, now)).toBe('g');
    expect(validGrant(draft, now + 4.5 * 60_000)).toBeNull();
  });
  it('makes v4 UUIDs', () => {
    expect(newSubmissionId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
