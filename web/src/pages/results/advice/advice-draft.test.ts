import { describe, expect, it } from 'vitest';
import { bodyFromDraft, draftChanged, draftFromAdvice, draftProblems, emptyEntry } from './advice-draft.ts';

const saved = {
  entries: [
    {
      instrument: 'EIT' as const,
      questionCode: 'ES2',
      question: null,
      issue: 'บริการไม่เท่าเทียม',
      advice: 'ทำ E-Service',
    },
    {
      instrument: 'IIT' as const,
      questionCode: null,
      question: null,
      issue: 'ภาพรวม',
      advice: 'ประชาสัมพันธ์คู่มือ',
    },
  ],
  overall: 'ควรรักษามาตรฐาน',
};

describe('bodyFromDraft', () => {
  it('trims, drops blank lines, puts IIT lines first and keeps the version', () => {
    const draft = draftFromAdvice(saved);
    draft.entries.push(emptyEntry('IIT'));
    draft.entries[0] = {
      ...(draft.entries[0] as (typeof draft.entries)[number]),
      issue: '  บริการไม่เท่าเทียม  ',
    };
    expect(bodyFromDraft(draft, 3)).toEqual({
      entries: [
        { instrument: 'IIT', questionCode: null, issue: 'ภาพรวม', advice: 'ประชาสัมพันธ์คู่มือ' },
        { instrument: 'EIT', questionCode: 'ES2', issue: 'บริการไม่เท่าเทียม', advice: 'ทำ E-Service' },
      ],
      overall: 'ควรรักษามาตรฐาน',
      version: 3,
    });
  });

  it('sends no overall comment for an empty one', () => {
    expect(bodyFromDraft({ entries: [], overall: '   ' }, 0).overall).toBeNull();
  });
});

describe('draftProblems', () => {
  const limits = { issue: 10, advice: 20 };
  it('asks for the issue and the advice of a started line, and nothing of a blank one', () => {
    const started = { ...emptyEntry('IIT'), questionCode: 'i2' };
    const blank = emptyEntry('EIT');
    const long = { ...emptyEntry('EIT'), issue: 'ยาวเกินกว่าสิบตัวอักษร', advice: 'ok' };
    const problems = draftProblems({ entries: [started, blank, long], overall: '' }, limits);
    expect(problems.get(started.key)).toEqual(['issue', 'advice']);
    expect(problems.has(blank.key)).toBe(false);
    expect(problems.get(long.key)).toEqual(['issueTooLong']);
  });
});

describe('draftChanged', () => {
  it('sees edits but not a blank line added', () => {
    const draft = draftFromAdvice(saved);
    expect(draftChanged(draft, saved)).toBe(false);
    expect(draftChanged({ ...draft, entries: [...draft.entries, emptyEntry('IIT')] }, saved)).toBe(false);
    expect(draftChanged({ ...draft, overall: 'อื่น' }, saved)).toBe(true);
  });
});
