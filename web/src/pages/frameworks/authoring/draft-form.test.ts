import { describe, expect, it } from 'vitest';
import { cleanDraft, formPath, sectionOf } from './draft-form.ts';

describe('the authoring form', () => {
  it('leaves out empty optional fields, keeps required ones empty (so that they are reported)', () => {
    expect(
      cleanDraft({
        name: { th: 'ชื่อ', en: '' },
        questions: [{ text: { th: '', en: '' }, appliesTo: { onlyTypes: [] }, display: { IIT: '' } }],
        oitItems: [{ conditions: { mainWebsite: true, period: { th: '', en: '' } } }],
        rating: { rules: [{ totalAtLeast: '', passes: true }] },
      }),
    ).toEqual({
      name: { th: 'ชื่อ' },
      questions: [{ text: { th: '' } }],
      oitItems: [{ conditions: { mainWebsite: true } }],
      rating: { rules: [{ passes: true }] },
    });
  });

  it('finds each problem its field and its section', () => {
    expect(formPath('questions[0].subItems[2].text.th')).toBe('questions.0.subItems.2.text.th');
    expect(sectionOf('instruments')).toBe('instruments');
    expect(sectionOf('instruments[1].sample.share')).toBe('sample');
    expect(sectionOf('instruments[1].processing[0]')).toBe('processing');
    expect(sectionOf('scales[0].code')).toBe('questions');
    expect(sectionOf('oitItems[3].components[0].th')).toBe('oit');
    expect(sectionOf('crosswalk.codes[0].to')).toBe('crosswalk');
    expect(sectionOf('year')).toBe('general');
  });
});
