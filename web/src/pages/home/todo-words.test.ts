// The home page's to-do items in words: every kind has a sentence in both languages, filled in, no codes.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TodoItem } from '../../api/monitoring.ts';
import { en, th } from '../../i18n/catalogues.ts';
import { TODO_KIND_KEYS, todoWords } from './todo-words.ts';

let t: (key: string, o?: Record<string, unknown>) => string;
let tEn: typeof t;

beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ lng: 'th', resources: { th: { translation: th }, en: { translation: en } } });
  t = i.getFixedT('th') as typeof t;
  tEn = i.getFixedT('en') as typeof t;
});

const item = (kind: TodoItem['kind']): TodoItem => ({
  kind,
  task: 'oit_scoring',
  stage: 'oit_scoring',
  agency: { id: '00000000-0000-4000-8000-000000000002', nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Town' },
  count: 1234,
  deadline: null,
  daysLeft: null,
  overdue: false,
  link: '/',
});

describe('to-do words', () => {
  it('words every kind in Thai and English, with no key or code left', () => {
    for (const kind of Object.keys(TODO_KIND_KEYS) as TodoItem['kind'][]) {
      const thai = todoWords(t, 'th', item(kind));
      const english = todoWords(tEn, 'en', item(kind));
      for (const text of [thai, english]) {
        expect(text, kind).not.toContain('monitoring.');
        expect(text, kind).not.toMatch(/\{\{|_/);
      }
      expect(thai, kind).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('names the agency and how many flagged responses wait for a decision', () => {
    expect(todoWords(t, 'th', item('decide_flags'))).toBe(
      'พิจารณาแบบสอบถามที่มีสัญญาณของ เทศบาลทดสอบ ว่าจะเก็บไว้หรือคัดออก (1,234 ฉบับ)',
    );
    expect(todoWords(tEn, 'en', item('decide_flags'))).toBe(
      'Keep or exclude the flagged responses of Test Town (1,234 responses)',
    );
  });
});
