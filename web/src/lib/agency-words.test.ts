import { describe, expect, it } from 'vitest';
import { agencyTypeWords, peerGroupWords, sizeClassWords } from './agency-words.ts';

describe('agency words', () => {
  it('names agency types in the UI language', () => {
    expect(agencyTypeWords('pao', 'th')).toBe('องค์การบริหารส่วนจังหวัด');
    expect(agencyTypeWords('pao', 'en')).toBe('Provincial Administrative Organization');
    expect(agencyTypeWords('coastal-group', 'th')).toBe('coastal-group');
    expect(agencyTypeWords('toString', 'th')).toBe('toString');
  });

  it('names size classes', () => {
    expect(sizeClassWords('L', 'th')).toBe('ขนาดใหญ่');
    expect(sizeClassWords('s', 'en')).toBe('Small');
    expect(sizeClassWords('M', 'en')).toBe('Medium');
    expect(sizeClassWords('XL', 'th')).toBe('XL');
  });

  it('joins peer group and size, never codes', () => {
    expect(peerGroupWords('pao', 'L', 'th')).toBe('องค์การบริหารส่วนจังหวัด · ขนาดใหญ่');
    expect(peerGroupWords('sao', null, 'en')).toBe('Subdistrict Administrative Organization');
    expect(peerGroupWords(null, 'S', 'en')).toBe('Small');
    expect(peerGroupWords(null, undefined, 'th')).toBe('–');
  });
});
