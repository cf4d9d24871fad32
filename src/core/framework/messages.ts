// One mapping from the problems of a framework (zod's issues and the framework's own checks) to what a person
// reads: `{ path, th, en }`, the field named in words and the problem said plainly in Thai and English —
// never the validator's wording ("ควรเป็น object แต่ได้รับ undefined"). The server's answers (import, draft
// save and publish) and the authoring screen (live, as you type) both use it.
import type { z } from 'zod';

export interface FrameworkProblem {
  /** Where in the framework, e.g. `instruments[1].weight`; empty only when the whole input is not a framework. */
  path: string;
  th: string;
  en: string;
}

type Words = { th: string; en: string };

/** Every field name of the framework format, in words. */
export const FIELD_WORDS: Record<string, Words> = {
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  name: { th: 'ชื่อ', en: 'Name' },
  source: { th: 'ที่มาของเนื้อหา', en: 'Source' },
  instruments: { th: 'เครื่องมือการประเมิน', en: 'Instruments' },
  code: { th: 'รหัส', en: 'Code' },
  collection: { th: 'ผู้เก็บข้อมูล', en: 'Who collects the data' },
  weight: { th: 'น้ำหนัก (ร้อยละ)', en: 'Weight (%)' },
  indicators: { th: 'ตัวชี้วัด', en: 'Indicators' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  subIndicators: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicators' },
  subIndicator: { th: 'ตัวชี้วัดย่อย', en: 'Sub-indicator' },
  sample: { th: 'กฎกลุ่มตัวอย่าง', en: 'Sample rule' },
  kind: { th: 'ชนิดของกฎ', en: 'Kind of rule' },
  of: { th: 'ฐานของสัดส่วน', en: 'Base of the share' },
  minimumOf: { th: 'เครื่องมือที่ใช้เป็นฐาน', en: 'Instrument used as the base' },
  share: { th: 'สัดส่วน', en: 'Share' },
  atLeast: { th: 'จำนวนอย่างน้อย', en: 'At least' },
  allBelow: { th: 'เก็บทั้งหมดเมื่อจำนวนน้อยกว่า', en: 'Survey everyone below' },
  cap: { th: 'เพดาน', en: 'Cap' },
  above: { th: 'เมื่อจำนวนมากกว่า', en: 'Above' },
  minimum: { th: 'จำนวนขั้นต่ำ', en: 'Minimum' },
  rows: { th: 'ตารางจำนวนขั้นต่ำ', en: 'Table of minimums' },
  peerGroup: { th: 'กลุ่มหน่วยงาน', en: 'Peer group' },
  sizeClass: { th: 'ขนาดหน่วยงาน', en: 'Size class' },
  otherwise: { th: 'กฎสำหรับหน่วยงานที่ไม่อยู่ในตาราง', en: 'Rule for agencies not in the table' },
  processing: { th: 'เงื่อนไขที่ทำให้ไม่ประมวลผล', en: 'Non-processing conditions' },
  scales: { th: 'มาตรวัดคำตอบ', en: 'Answer scales' },
  options: { th: 'ตัวเลือกคำตอบ', en: 'Answer options' },
  value: { th: 'ค่าของตัวเลือก', en: 'Option value' },
  label: { th: 'ข้อความ', en: 'Label' },
  score: { th: 'คะแนน', en: 'Score' },
  questions: { th: 'ข้อคำถาม', en: 'Questions' },
  text: { th: 'ข้อความคำถาม', en: 'Question text' },
  scale: { th: 'มาตรวัดคำตอบ', en: 'Answer scale' },
  polarity: { th: 'ทิศทางของคำถาม', en: 'Polarity' },
  subItems: { th: 'ข้อย่อย', en: 'Sub-items' },
  appliesTo: { th: 'ประเภทหน่วยงานที่ใช้', en: 'Agency types it applies to' },
  onlyTypes: { th: 'ใช้กับประเภทหน่วยงานเหล่านี้เท่านั้น', en: 'Only these agency types' },
  exceptTypes: { th: 'ยกเว้นประเภทหน่วยงานเหล่านี้', en: 'All but these agency types' },
  display: { th: 'รหัสที่แสดง', en: 'Display code' },
  paraphrased: { th: 'ถอดความ', en: 'Paraphrased' },
  oitItems: { th: 'ข้อการประเมิน OIT', en: 'OIT items' },
  title: { th: 'ชื่อข้อ', en: 'Title' },
  components: { th: 'องค์ประกอบที่ต้องแสดง', en: 'Required components' },
  conditions: { th: 'เงื่อนไข', en: 'Conditions' },
  period: { th: 'ช่วงเวลาของข้อมูล', en: 'Period of the information' },
  mainWebsite: { th: 'ต้องอยู่บนเว็บไซต์หลัก', en: 'On the main website' },
  note: { th: 'หมายเหตุ', en: 'Note' },
  rating: { th: 'ระดับผลการประเมิน', en: 'Rating' },
  rules: { th: 'เกณฑ์ระดับผล', en: 'Rating rules' },
  totalAtLeast: { th: 'คะแนนรวมอย่างน้อย', en: 'Total at least' },
  everyInstrumentAtLeast: { th: 'ทุกเครื่องมืออย่างน้อย', en: 'Every instrument at least' },
  someInstrumentBelow: { th: 'มีเครื่องมือต่ำกว่า', en: 'Some instrument below' },
  passes: { th: 'ถือว่าผ่าน', en: 'Passes' },
  passThreshold: { th: 'เกณฑ์ผ่าน', en: 'Pass mark' },
  nationalTargetShare: { th: 'สัดส่วนเป้าหมายระดับประเทศ', en: 'National target share' },
  policy: { th: 'นโยบายการคำนวณ', en: 'Calculation policy' },
  unprocessedInstrument: { th: 'เครื่องมือที่ไม่ประมวลผล', en: 'Unprocessed instrument' },
  decimals: { th: 'จำนวนทศนิยม', en: 'Decimals' },
  rounding: { th: 'การปัดเศษ', en: 'Rounding' },
  showScoresDuringCollection: { th: 'แสดงคะแนนระหว่างเก็บข้อมูล', en: 'Show scores during collection' },
  calendar: { th: 'ปฏิทิน', en: 'Calendar' },
  start: { th: 'วันเริ่มต้น', en: 'Start date' },
  end: { th: 'วันสิ้นสุด', en: 'End date' },
  crosswalk: { th: 'การเทียบข้อกับปีก่อน', en: 'Crosswalk' },
  fromYear: { th: 'ปีที่เทียบ', en: 'Year compared with' },
  codes: { th: 'คู่รหัสที่เทียบ', en: 'Matched codes' },
  from: { th: 'รหัสของปีก่อน', en: "Last year's code" },
  to: { th: 'รหัสของปีนี้', en: "This year's code" },
};
const SOME_FIELD: Words = { th: 'ค่านี้', en: 'This value' };

/** The code formats of the framework, each with a hint a person can follow. */
const PATTERNS: Record<string, Words> = {
  '^[A-Z][A-Z0-9]{1,9}$': {
    th: 'ตัวอักษรภาษาอังกฤษพิมพ์ใหญ่ขึ้นต้น ตามด้วยตัวอักษรพิมพ์ใหญ่หรือตัวเลข รวม 2–10 ตัว เช่น IIT',
    en: 'a capital letter then capitals or digits, 2–10 in all, e.g. IIT',
  },
  '^[1-9][0-9]?$': { th: 'ตัวเลข 1–99 เช่น 3', en: 'a number from 1 to 99, e.g. 3' },
  '^[1-9][0-9]?\\.[1-9][0-9]?$': {
    th: 'เลขตัวชี้วัด จุด เลขข้อย่อย เช่น 9.1',
    en: 'indicator number, a dot, sub-indicator number, e.g. 9.1',
  },
  '^[A-Za-z]{1,3}[0-9]{1,3}$': {
    th: 'ตัวอักษรภาษาอังกฤษ 1–3 ตัว ตามด้วยตัวเลข 1–3 หลัก เช่น i1 หรือ o12',
    en: '1–3 letters then 1–3 digits, e.g. i1 or o12',
  },
  '^[a-z0-9_]{1,32}$': {
    th: 'ตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข หรือ _ ไม่เกิน 32 ตัว เช่น level4',
    en: 'lower-case letters, digits or _, at most 32, e.g. level4',
  },
  '^[a-z0-9]{1,4}$': {
    th: 'ตัวอักษรภาษาอังกฤษพิมพ์เล็กหรือตัวเลข ไม่เกิน 4 ตัว เช่น a',
    en: 'lower-case letters or digits, at most 4, e.g. a',
  },
  '^[A-Za-z_]{1,24}$': {
    th: 'ตัวอักษรภาษาอังกฤษหรือ _ ไม่เกิน 24 ตัว เช่น excellent',
    en: 'letters or _, at most 24, e.g. excellent',
  },
  '^[a-z_]{2,32}$': {
    th: 'ตัวอักษรภาษาอังกฤษพิมพ์เล็กหรือ _ 2–32 ตัว เช่น oit_answering',
    en: 'lower-case letters or _, 2–32, e.g. oit_answering',
  },
};

const TYPES: Record<string, Words> = {
  number: { th: 'ตัวเลข', en: 'a number' },
  int: { th: 'จำนวนเต็ม', en: 'a whole number' },
  string: { th: 'ข้อความ', en: 'text' },
  boolean: { th: 'ใช่หรือไม่ใช่', en: 'yes or no' },
  array: { th: 'รายการ', en: 'a list' },
  object: { th: 'ชุดข้อมูล', en: 'a group of fields' },
  record: { th: 'ชุดข้อมูล', en: 'a group of fields' },
};

/** `['instruments', 1, 'weight']` → `instruments[1].weight` (the path format of every answer). */
export function pathString(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** The field a path names, in words: "ชื่อ (ภาษาอังกฤษ)", "ตัวชี้วัด ลำดับที่ 2". */
export function fieldWords(path: readonly PropertyKey[]): Words {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (last === 'th' || last === 'en') {
    const of = typeof parent === 'string' ? (FIELD_WORDS[parent] ?? SOME_FIELD) : SOME_FIELD;
    return last === 'th'
      ? { th: `${of.th} (ภาษาไทย)`, en: `${of.en} (Thai)` }
      : { th: `${of.th} (ภาษาอังกฤษ)`, en: `${of.en} (English)` };
  }
  if (typeof last === 'number') {
    const of = typeof parent === 'string' ? (FIELD_WORDS[parent] ?? SOME_FIELD) : SOME_FIELD;
    return { th: `${of.th} ลำดับที่ ${last + 1}`, en: `${of.en} no. ${last + 1}` };
  }
  // A display code is keyed by the instrument that shows it.
  if (parent === 'display' && typeof last === 'string')
    return { th: `รหัสที่แสดงของ ${last}`, en: `Display code for ${last}` };
  return typeof last === 'string' ? (FIELD_WORDS[last] ?? SOME_FIELD) : SOME_FIELD;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const sentence = (field: Words, problem: Words): Words => ({
  th: `${field.th}: ${problem.th}`,
  en: `${field.en}: ${problem.en}`,
});
const num = (n: unknown) => (typeof n === 'bigint' ? n.toString() : String(n));

function required(field: Words): Words {
  return { th: `กรุณากรอก${field.th}`, en: `${field.en} is required` };
}

/** What a person reads for one zod issue over `input` (the value that was checked). */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): FrameworkProblem {
  const path = pathString(issue.path);
  const field = fieldWords(issue.path);
  const words = ((): Words => {
    switch (issue.code) {
      case 'invalid_type': {
        const value = valueAt(input, issue.path);
        if (value === undefined || value === null || value === '') return required(field);
        const type = TYPES[issue.expected] ?? { th: 'ค่าที่ถูกต้อง', en: 'a valid value' };
        return sentence(field, { th: `ต้องเป็น${type.th}`, en: `must be ${type.en}` });
      }
      case 'too_small': {
        const min = num(issue.minimum);
        if (issue.origin === 'string') return required(field);
        if (issue.origin === 'array' || issue.origin === 'set')
          return sentence(field, {
            th: `ต้องมีอย่างน้อย ${min} รายการ`,
            en: `needs at least ${min} entr${min === '1' ? 'y' : 'ies'}`,
          });
        return issue.inclusive
          ? sentence(field, { th: `ต้องไม่น้อยกว่า ${min}`, en: `must be at least ${min}` })
          : sentence(field, { th: `ต้องมากกว่า ${min}`, en: `must be more than ${min}` });
      }
      case 'too_big': {
        const max = num(issue.maximum);
        if (issue.origin === 'string')
          return sentence(field, { th: `ยาวได้ไม่เกิน ${max} ตัวอักษร`, en: `must be at most ${max} characters` });
        if (issue.origin === 'array' || issue.origin === 'set')
          return sentence(field, { th: `มีได้ไม่เกิน ${max} รายการ`, en: `may have at most ${max} entries` });
        return issue.inclusive
          ? sentence(field, { th: `ต้องไม่เกิน ${max}`, en: `must be at most ${max}` })
          : sentence(field, { th: `ต้องน้อยกว่า ${max}`, en: `must be less than ${max}` });
      }
      case 'invalid_format': {
        if (issue.format === 'date')
          return sentence(field, { th: 'ต้องเป็นวันที่ที่มีอยู่จริง', en: 'must be a real date' });
        const source = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
        const hint = PATTERNS[source.replace(/^\/|\/[a-z]*$/g, '')];
        if (valueAt(input, issue.path) === '') return required(field);
        return hint
          ? sentence(field, { th: `รูปแบบไม่ถูกต้อง ต้องเป็น${hint.th}`, en: `wrong format: use ${hint.en}` })
          : sentence(field, { th: 'รูปแบบไม่ถูกต้อง', en: 'wrong format' });
      }
      case 'invalid_value':
        if (valueAt(input, issue.path) === undefined) return required(field);
        return sentence(field, { th: 'ต้องเลือกจากรายการที่มีให้', en: 'choose one of the listed values' });
      case 'invalid_union':
        if (valueAt(input, issue.path) === undefined) return required(field);
        return sentence(field, { th: 'ชนิดหรือรูปแบบไม่ถูกต้อง', en: 'not one of the accepted kinds' });
      case 'invalid_key':
        return sentence(field, {
          th: 'มีรหัสเครื่องมือที่ไม่ถูกต้อง (ใช้รหัสเครื่องมือ เช่น IIT)',
          en: 'has an invalid instrument code (use an instrument code, e.g. IIT)',
        });
      case 'invalid_element':
        return sentence(field, { th: 'มีรายการที่ไม่ถูกต้อง', en: 'has an invalid entry' });
      case 'unrecognized_keys':
        return sentence(field, {
          th: `มีช่องที่ไม่รู้จัก: ${issue.keys.join(', ')}`,
          en: `unknown fields: ${issue.keys.join(', ')}`,
        });
      case 'not_multiple_of':
        return sentence(field, {
          th: `ต้องเป็นผลคูณของ ${num(issue.divisor)}`,
          en: `must be a multiple of ${num(issue.divisor)}`,
        });
      case 'custom': {
        // The framework's own checks carry both languages; a check without them still reads as words.
        const own = issue.params as { th?: unknown; en?: unknown } | undefined;
        if (typeof own?.th === 'string' && typeof own.en === 'string')
          return { th: own.th, en: own.en.charAt(0).toUpperCase() + own.en.slice(1) };
        return sentence(field, { th: 'ค่าไม่ถูกต้อง', en: 'not a valid value' });
      }
    }
  })();
  return { path, th: words.th, en: words.en };
}

/** Every issue of a failed parse, in order; equal problems at one field are given once. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FrameworkProblem[] {
  const seen = new Set<string>();
  const out: FrameworkProblem[] = [];
  for (const issue of issues) {
    const p = describeIssue(issue, input);
    const key = `${p.path}\u0000${p.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
