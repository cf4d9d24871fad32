import { describe, expect, it } from 'vitest';
import type { Framework } from '../../api/frameworks.ts';
import { instrumentColumns, ratingLabel, reasonKey, shortInstrumentName } from './framework-words.ts';

const framework = {
  instruments: [
    { code: 'IIT', name: { th: 'แบบวัดการรับรู้ภายใน (IIT)', en: 'Internal (IIT)' } },
    { code: 'EIT1', name: { th: 'ภายนอก ส่วนที่ 1' } },
    { code: 'OIT', name: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)' } },
  ],
  rating: {
    rules: [
      { code: 'good', label: { th: 'ผ่านดี', en: 'Good' } },
      { code: 'urgent', label: { th: 'ต้องปรับปรุงโดยด่วน' } },
    ],
  },
} as unknown as Framework;

describe('framework words', () => {
  it('says the rating with the framework label, in the language when it has one', () => {
    expect(ratingLabel(framework, 'good', 'th')).toBe('ผ่านดี');
    expect(ratingLabel(framework, 'good', 'en')).toBe('Good');
    expect(ratingLabel(framework, 'urgent', 'en')).toBe('ต้องปรับปรุงโดยด่วน');
    expect(ratingLabel(undefined, 'good', 'th')).toBe('good');
  });

  it('says why an instrument was not processed, plainly for an unknown reason', () => {
    expect(reasonKey('minimum_sample')).toBe('processing.notProcessed.minimum_sample');
    expect(reasonKey('something_new')).toBe('processing.notProcessed.other');
  });

  it('lists the instruments a run has in the framework order, unknown ones last', () => {
    const sut = instrumentColumns(framework, ['OIT', 'X9', 'IIT'], 'th');
    expect(sut.map((c) => c.code)).toEqual(['IIT', 'OIT', 'X9']);
    expect(sut.map((c) => c.short)).toEqual(['IIT', 'OIT', 'X9']);
  });

  it('shortens instrument names as ITAS does', () => {
    expect(shortInstrumentName('EIT1', 'ภายนอก ส่วนที่ 1', 'th')).toBe('EIT ส่วนที่ 1');
    expect(shortInstrumentName('EIT2', 'x', 'en')).toBe('EIT part 2');
    expect(shortInstrumentName('IIT', 'แบบวัด (IIT)', 'th')).toBe('IIT');
  });
});
