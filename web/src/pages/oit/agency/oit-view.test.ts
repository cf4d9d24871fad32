import { describe, expect, it } from 'vitest';
import type { AnswerView, Checklist, ChecklistItem, EvidenceCheck } from '../../../api/oit.ts';
import { ApiError } from '../../../lib/api.ts';
import {
  bodyOf,
  describeChanges,
  draftOf,
  evidenceVerdict,
  hasPendingEvidence,
  isDirty,
  matchesFilter,
  newestYear,
  problemUrls,
  readableValue,
  readOnlyReason,
  returnableCodes,
  stageSummary,
  unansweredOf,
  urlHint,
} from './oit-view.ts';

const WEBSITE = 'https://www.agency.go.th';

function check(over: Partial<EvidenceCheck> = {}): EvidenceCheck {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    itemCode: 'o1',
    url: `${WEBSITE}/x`,
    purpose: 'saved',
    status: 'done',
    verdict: 'reachable',
    httpStatus: 200,
    finalUrl: null,
    contentType: 'text/html',
    sizeBytes: 1000,
    truncated: false,
    title: null,
    sha256: null,
    mentionsYear: true,
    onMainDomain: true,
    requestedAt: '2025-03-01T03:00:00.000Z',
    fetchedAt: '2025-03-01T03:00:05.000Z',
    lastError: null,
    attempts: 1,
    hasBody: true,
    ...over,
  };
}

function answer(over: Partial<AnswerView> = {}): AnswerView {
  return {
    state: 'draft',
    stateName: { th: 'ฉบับร่าง', en: 'draft' },
    has: null,
    urls: [],
    explanation: null,
    answered: false,
    assignee: null,
    returnComment: null,
    updatedAt: null,
    updatedBy: null,
    approvedAt: null,
    ...over,
  };
}

function item(code: string, a: Partial<AnswerView> = {}, edit = true): ChecklistItem {
  return {
    code,
    title: { th: `ข้อ ${code}` },
    components: [{ th: 'องค์ประกอบ' }],
    conditions: { mainWebsite: true },
    paraphrased: false,
    answer: answer(a),
    can: { edit, delegate: false },
  };
}

function checklist(items: ChecklistItem[], can: Partial<Checklist['can']> = {}): Checklist {
  const progress = { answered: 0, total: items.length };
  return {
    agency: { id: 'a1', code: 'A1', nameTh: 'หน่วยงาน', website: WEBSITE },
    year: 2568,
    frameworkVersion: 1,
    review: {
      status: 'answering',
      statusName: { th: 'กำลังตอบ', en: 'answering' },
      submittedAt: null,
      submittedBy: null,
      approvedAt: null,
      approvedBy: null,
      assessedAt: null,
      confirmedAt: null,
      reopenedAt: null,
      reopenReason: null,
    },
    stage: {
      code: 'oit_answering',
      name: { th: 'ตอบแบบวัด OIT' },
      open: true,
      opensOn: '2025-01-01',
      closesOn: '2025-04-30',
      phase: 'open',
      daysLeft: 60,
      extended: false,
      today: '2025-03-01',
    },
    progress: { ...progress, submitted: 0, approved: 0 },
    unanswered: [],
    indicators: [
      {
        code: 'O1',
        name: { th: 'ตัวชี้วัด' },
        progress,
        subIndicators: [{ code: 'O1.1', name: { th: 'ย่อย' }, progress, items }],
      },
    ],
    can: { edit: true, delegate: false, submit: false, approve: false, return: false, ...can },
    assignees: [],
  };
}

describe('hasPendingEvidence', () => {
  it('is true while a URL check waits or runs, so the page keeps polling', () => {
    const url = (status: EvidenceCheck['status'], verdict: EvidenceCheck['verdict']) => ({
      url: `${WEBSITE}/x`,
      warnings: [],
      evidence: check({ status, verdict }),
    });
    expect(hasPendingEvidence(checklist([item('o1', { urls: [url('pending', 'pending')] })]))).toBe(true);
    expect(hasPendingEvidence(checklist([item('o1', { urls: [url('running', 'pending')] })]))).toBe(true);
    expect(hasPendingEvidence(checklist([item('o1', { urls: [url('done', 'reachable')] })]))).toBe(false);
    expect(hasPendingEvidence(undefined)).toBe(false);
  });
});

describe('evidenceVerdict', () => {
  it('tells none, pending, reachable and broken apart', () => {
    expect(evidenceVerdict(null)).toBe('none');
    expect(evidenceVerdict(check({ status: 'running', verdict: 'pending' }))).toBe('pending');
    expect(evidenceVerdict(check())).toBe('reachable');
    expect(evidenceVerdict(check({ httpStatus: 404, verdict: 'broken' }))).toBe('broken');
    expect(evidenceVerdict(check({ status: 'failed', httpStatus: null, verdict: 'failed' }))).toBe('broken');
  });
});

describe('matchesFilter', () => {
  const mine = item('o1', { assignee: { id: 'u1', displayName: 'staff' } });
  const returned = item('o2', { state: 'returned', answered: true });
  const broken = item('o3', {
    answered: true,
    urls: [{ url: `${WEBSITE}/gone`, warnings: [], evidence: check({ httpStatus: 404, verdict: 'broken' }) }],
  });
  const elsewhere = item('o4', {
    answered: true,
    urls: [{ url: 'https://example.org/x', warnings: ['not_main_domain'], evidence: null }],
  });

  it('keeps the items delegated to the viewer under "mine"', () => {
    expect(matchesFilter(mine, 'mine', 'u1')).toBe(true);
    expect(matchesFilter(returned, 'mine', 'u1')).toBe(false);
  });

  it('finds unanswered and returned items', () => {
    expect(matchesFilter(mine, 'unanswered', 'u1')).toBe(true);
    expect(matchesFilter(returned, 'unanswered', 'u1')).toBe(false);
    expect(matchesFilter(returned, 'returned', 'u1')).toBe(true);
  });

  it('lists broken evidence and URLs off the main website under "evidence"', () => {
    expect(matchesFilter(broken, 'evidence', 'u1')).toBe(true);
    expect(matchesFilter(elsewhere, 'evidence', 'u1')).toBe(true);
    expect(matchesFilter(mine, 'evidence', 'u1')).toBe(false);
  });
});

describe('returnableCodes', () => {
  const items = [
    item('o1', { state: 'submitted' }, false),
    item('o2', { state: 'approved' }, false),
    item('o3', { state: 'draft' }, false),
  ];

  it('offers submitted and approved items to a viewer who may return', () => {
    expect(returnableCodes(checklist(items, { return: true }))).toEqual(['o1', 'o2']);
  });

  it('offers nothing to anyone else', () => {
    expect(returnableCodes(checklist(items))).toEqual([]);
  });
});

describe('readOnlyReason', () => {
  const ctx = { role: 'agency_staff', userId: 'u1', stageOpen: true };

  it('is null when the server lets the viewer edit', () => {
    expect(readOnlyReason(item('o1'), ctx)).toBeNull();
  });

  it('tells staff the item is someone else’s', () => {
    expect(readOnlyReason(item('o1', {}, false), ctx)).toBe('notDelegated');
  });

  it('explains submitted items, a closed window and viewers who only read', () => {
    expect(readOnlyReason(item('o1', { state: 'submitted' }, false), { ...ctx, role: 'agency_admin' })).toBe(
      'locked',
    );
    expect(readOnlyReason(item('o1', {}, false), { ...ctx, stageOpen: false })).toBe('stageClosed');
    expect(readOnlyReason(item('o1', {}, false), { ...ctx, role: 'executive' })).toBe('viewOnly');
  });
});

describe('the answer form', () => {
  it('starts with one empty URL row and sends what the server stores', () => {
    const draft = draftOf(answer());
    expect(draft).toEqual({ has: null, urls: [''], explanation: '' });
    expect(
      bodyOf({ has: true, urls: [' https://a.go.th/x ', '', 'https://a.go.th/x'], explanation: ' ' }),
    ).toEqual({ has: true, urls: ['https://a.go.th/x'], explanation: null });
  });

  it('is dirty only when the trimmed answer differs from the saved one', () => {
    const saved = answer({
      has: true,
      urls: [{ url: 'https://a.go.th/x', warnings: [], evidence: null }],
      explanation: 'หน้าแรก > ข้อมูล',
    });
    const draft = draftOf(saved);
    expect(isDirty(draft, saved)).toBe(false);
    expect(isDirty({ ...draft, urls: [...draft.urls, '  '] }, saved)).toBe(false);
    expect(isDirty({ ...draft, explanation: 'อื่น' }, saved)).toBe(true);
    expect(isDirty({ ...draft, has: false }, saved)).toBe(true);
  });
});

describe('urlHint', () => {
  it('says in the UI language when a URL is not an http(s) address', () => {
    expect(urlHint('ftp://agency.go.th/file', WEBSITE, true, 'en').problem).toMatch(/http/);
    expect(urlHint('www.agency.go.th/x', WEBSITE, true, 'th').problem).toMatch(/https:\/\//);
    expect(urlHint('', WEBSITE, true, 'th')).toEqual({ problem: null, warnings: [] });
  });

  it('warns when the URL is not on the main website, if the item requires it', () => {
    expect(urlHint('https://facebook.com/agency', WEBSITE, true, 'th').warnings).toEqual(['not_main_domain']);
    expect(urlHint('https://facebook.com/agency', WEBSITE, false, 'th').warnings).toEqual([]);
    expect(urlHint('https://agency.go.th/plan', WEBSITE, true, 'th').warnings).toEqual([]);
  });
});

describe('server refusals', () => {
  it('reads the unanswered items of a refused submission', () => {
    const err = new ApiError(409, 'oit_unanswered', 'ยังส่งไม่ได้', 'Cannot submit', {
      unanswered: ['o3', 'o9'],
    });
    expect(unansweredOf(err)).toEqual(['o3', 'o9']);
    expect(unansweredOf(new ApiError(409, 'other', 'x', 'x'))).toBeNull();
  });

  it('reads the URLs an answer was refused for', () => {
    const err = new ApiError(400, 'oit_invalid_answer', 'x', 'x', {
      problems: [{ code: 'url_not_http', path: 'urls.0', url: 'ftp://x' }, { code: 'explanation_too_long' }],
    });
    expect(problemUrls(err)).toEqual(['ftp://x']);
  });
});

describe('stageSummary', () => {
  const c = checklist([]);

  it('uses the stage of the agency’s next step when the assessment view is readable', () => {
    const current = {
      code: 'clarification' as const,
      name: { th: 'ชี้แจง' },
      opensOn: '2025-06-01',
      closesOn: '2025-06-15',
      open: true,
      phase: 'open' as const,
      daysLeft: 3,
      extended: true,
    };
    expect(stageSummary(c, { current, review: {} as never })).toMatchObject({
      code: 'clarification',
      closesOn: '2025-06-15',
      extended: true,
    });
    expect(stageSummary(c, { current: null, review: {} as never })).toBeNull();
  });

  it('falls back to the answering window of the checklist', () => {
    expect(stageSummary(c, undefined)).toMatchObject({ code: 'oit_answering', closesOn: '2025-04-30' });
  });
});

describe('small facts', () => {
  it('opens the newest year an agency takes part in', () => {
    expect(newestYear([{ year: 2567 }, { year: 2568 }])).toBe(2568);
    expect(newestYear([])).toBeNull();
  });
});

describe('item history', () => {
  it('lists only the fields an entry changed', () => {
    const before = { state: 'draft', has: null, urls: [], explanation: null };
    const after = { state: 'draft', has: true, urls: ['https://a.go.th/x'], explanation: null };
    expect(describeChanges(before, after)).toEqual([
      { field: 'has', before: null, after: true },
      { field: 'urls', before: [], after: ['https://a.go.th/x'] },
    ]);
  });

  it('lists every field of a first entry', () => {
    expect(describeChanges(null, { state: 'draft', has: false }).map((c) => c.field)).toEqual([
      'state',
      'has',
    ]);
  });

  it('makes values readable: states, has, components from 1, people by name', () => {
    expect(readableValue('state', 'returned')).toEqual({ kind: 'state', state: 'returned' });
    expect(readableValue('has', false)).toEqual({ kind: 'has', value: false });
    expect(readableValue('componentsFound', [0, 2])).toEqual({ kind: 'list', items: ['1', '3'] });
    expect(readableValue('assignee', { id: 'u1', displayName: 'เจ้าหน้าที่' })).toEqual({
      kind: 'text',
      text: 'เจ้าหน้าที่',
    });
    expect(readableValue('urls', [])).toEqual({ kind: 'empty' });
    expect(readableValue('explanation', null)).toEqual({ kind: 'empty' });
  });
});
