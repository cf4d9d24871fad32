import { describe, expect, it } from 'vitest';
import {
  decodePage,
  extractTitle,
  htmlText,
  mentionsFiscalYear,
  onMainDomain,
  pageFacts,
  pdfFacts,
  thaiDigits,
} from './evidence-text.ts';

/** Thai text in TIS-620 bytes (U+0E01–U+0E5B → 0xA1–0xFB; ASCII unchanged). */
function tis620(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((c) => {
      const code = c.codePointAt(0) as number;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    }),
  );
}
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodePage', () => {
  it('uses the charset of the Content-Type header (TIS-620)', () => {
    expect(decodePage(tis620('<p>ประกาศ</p>'), 'text/html; charset=TIS-620')).toBe('<p>ประกาศ</p>');
  });

  it('uses a <meta charset> when the header has none (windows-874)', () => {
    const html = '<html><head><meta charset="windows-874"><title>แผนงาน</title></head></html>';
    expect(decodePage(tis620(html), 'text/html')).toContain('แผนงาน');
  });

  it('reads a <meta http-equiv> charset', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=tis-620"><p>รายงาน</p>';
    expect(decodePage(tis620(html), null)).toContain('รายงาน');
  });

  it('reads UTF-8 when nothing is declared and the bytes are valid UTF-8', () => {
    expect(decodePage(utf8('<p>งบประมาณ</p>'), 'text/html')).toBe('<p>งบประมาณ</p>');
  });

  it('falls back to windows-874 when nothing is declared and the bytes are not UTF-8', () => {
    expect(decodePage(tis620('<p>คู่มือ</p>'), 'text/html')).toBe('<p>คู่มือ</p>');
  });

  it('survives an unknown charset label by guessing', () => {
    expect(decodePage(utf8('<p>ข่าว</p>'), 'text/html; charset=x-made-up')).toBe('<p>ข่าว</p>');
  });
});

describe('extractTitle', () => {
  it('returns the title with entities decoded and whitespace collapsed', () => {
    expect(extractTitle('<head><title>\n  แผนปฏิบัติการ &amp; งบประมาณ&#32;2568 </title></head>')).toBe(
      'แผนปฏิบัติการ & งบประมาณ 2568',
    );
  });

  it('is null without a title or with an empty one', () => {
    expect(extractTitle('<p>no title</p>')).toBeNull();
    expect(extractTitle('<title>  </title>')).toBeNull();
  });
});

describe('htmlText', () => {
  it('drops scripts, styles, comments and tags', () => {
    const html = '<style>p{}</style><script>var y = 2568</script><!-- 2568 --><p>ปี <b>2567</b></p>';
    expect(htmlText(html)).toBe('ปี 2567');
  });
});

describe('mentionsFiscalYear', () => {
  it('finds the Buddhist-era year in Arabic digits', () => {
    expect(mentionsFiscalYear('รายงานประจำปีงบประมาณ พ.ศ. 2568', 2568)).toBe(true);
  });

  it('finds it in Thai digits', () => {
    expect(thaiDigits(2568)).toBe('๒๕๖๘');
    expect(mentionsFiscalYear('ประจำปีงบประมาณ ๒๕๖๘', 2568)).toBe(true);
  });

  it('does not count the Gregorian year, another year or a longer number', () => {
    expect(mentionsFiscalYear('Annual report 2025', 2568)).toBe(false);
    expect(mentionsFiscalYear('ปีงบประมาณ 2567', 2568)).toBe(false);
    expect(mentionsFiscalYear('โทร 025689999 เลขที่ ๑๒๕๖๘', 2568)).toBe(false);
  });

  it('counts the year next to letters or punctuation', () => {
    expect(mentionsFiscalYear('ปี2568/แผน', 2568)).toBe(true);
  });
});

describe('onMainDomain', () => {
  const website = 'https://www.example-sao.go.th/';

  it('accepts the website host with or without www, any scheme or path', () => {
    expect(onMainDomain('http://example-sao.go.th/plan.pdf', website)).toBe(true);
    expect(onMainDomain('https://www.example-sao.go.th/news?id=1', website)).toBe(true);
  });

  it('accepts a subdomain', () => {
    expect(onMainDomain('https://data.example-sao.go.th/x', website)).toBe(true);
  });

  it('refuses another host, including one that merely ends with the same letters', () => {
    expect(onMainDomain('https://drive.google.com/file/d/1', website)).toBe(false);
    expect(onMainDomain('https://fake-example-sao.go.th/', website)).toBe(false);
  });

  it('is null when the agency has no website on record', () => {
    expect(onMainDomain('https://example-sao.go.th/', null)).toBeNull();
  });
});

describe('pageFacts', () => {
  it('reads the title and the year of an HTML page (the title counts as text)', () => {
    const body = tis620('<title>แผนปฏิบัติการ ๒๕๖๘</title><p>รายละเอียด</p>');
    expect(pageFacts(body, 'text/html; charset=tis-620', 2568)).toEqual({
      title: 'แผนปฏิบัติการ ๒๕๖๘',
      mentionsYear: true,
    });
  });

  it('reads plain text but has nothing to say of a PDF or an image', () => {
    expect(pageFacts(utf8('ปี 2568'), 'text/plain', 2568)).toEqual({ title: null, mentionsYear: true });
    expect(pageFacts(utf8('%PDF-1.4 2568'), 'application/pdf', 2568)).toEqual({
      title: null,
      mentionsYear: null,
    });
  });
});

describe('pdfFacts', () => {
  const read = (text: string, title: string | null = null) => ({ pages: 1, title, text });

  it('finds the year in the text or the title of a PDF', () => {
    expect(pdfFacts(read('แผนการดำเนินงาน พ.ศ. ๒๕๖๘'), 2568)).toEqual({ title: null, mentionsYear: true });
    expect(pdfFacts(read('แผนการดำเนินงาน', '  แผน\nปี 2568 '), 2568)).toEqual({
      title: 'แผน ปี 2568',
      mentionsYear: true,
    });
    expect(pdfFacts(read('รายงานประจำปี 2567', 'รายงาน'), 2568)).toEqual({
      title: 'รายงาน',
      mentionsYear: false,
    });
  });

  it('cannot tell of a scan (no text) unless its title names the year, nor of an unreadable PDF', () => {
    expect(pdfFacts(read('  \n ', 'scan0001'), 2568)).toEqual({ title: 'scan0001', mentionsYear: null });
    expect(pdfFacts(read('', 'แผน ๒๕๖๘'), 2568)).toEqual({ title: 'แผน ๒๕๖๘', mentionsYear: true });
    expect(pdfFacts(null, 2568)).toEqual({ title: null, mentionsYear: null });
  });
});
