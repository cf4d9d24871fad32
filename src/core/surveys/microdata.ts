// The anonymous microdata of a year (issue 11 §5): one row per counted response, its answers in columns
// named by the ITAS display codes. What a row may hold is decided here: the year, the agency's stable
// code, the instrument and the answers — never a response id, a database id, a time, a duration band, the
// channel or the framework version (nothing that could tie a row to a respondent, a grant or an order of
// arrival). Which agencies' rows are withheld follows the public results' rule (core/results/disclosure.ts):
// when any survey instrument of an agency has 1–4 counted responses, every survey instrument of that agency
// is withheld — the small group itself, and the others with it, since the agency's published total and
// the other instruments' answers would otherwise let one work out the small group's score.
// Two downloads taken at different times differ by the answers released in between: the release
// (src/modules/responses/release.ts) moves answers in shuffled batches of at least RESPONSE_RELEASE_BATCH
// (5 by default) or the whole group, so the difference hides a respondent among at least that many sheets —
// the same protection the release gives against anyone who reads the table; no more.
import type { Framework, Localized } from '../framework/schema.ts';
import { suppressedInstruments } from '../results/disclosure.ts';
import { displayCodes } from '../results/display.ts';

/** A column of the file: a fixed one, or one answer (a question, or one sub-item of it) of one instrument. */
export type MicrodataColumn =
  | { kind: 'fixed'; name: 'year' | 'agency_code' | 'instrument'; th: string; en: string }
  | {
      kind: 'answer';
      name: string;
      instrument: string;
      /** The question's code in the framework: the key of the stored answers. */
      question: string;
      /** The code ITAS shows for the question in this instrument. */
      displayCode: string;
      subItem: string | null;
      text: Localized;
      subItemText: Localized | null;
      /** The options' values as stored, with their labels. */
      options: { value: string; label: Localized }[];
    };

export type AnswerColumn = Extract<MicrodataColumn, { kind: 'answer' }>;

export const FIXED_COLUMNS: readonly Extract<MicrodataColumn, { kind: 'fixed' }>[] = [
  { kind: 'fixed', name: 'year', th: 'ปีงบประมาณ (พ.ศ.)', en: 'Fiscal year (Buddhist Era)' },
  {
    kind: 'fixed',
    name: 'agency_code',
    th: 'รหัสหน่วยงาน (ไม่เปลี่ยนแปลงอีกเมื่อเผยแพร่ผลการประเมินของหน่วยงานแล้ว)',
    en: 'Agency code (never changed once a result of the agency has been published)',
  },
  { kind: 'fixed', name: 'instrument', th: 'เครื่องมือ (IIT, EIT1, EIT2)', en: 'Instrument code' },
];

/** The instruments answered by respondents (OIT is open data: it has no responses). */
export const surveyInstruments = (framework: Framework): string[] =>
  framework.instruments.filter((i) => i.collection !== 'open_data').map((i) => i.code);

/**
 * Every column of the year's file, in order: the fixed ones, then per survey instrument (framework order)
 * each question it asks (framework order) — one column per sub-item for a question with sub-items. A column
 * is named by the display code (`i2`, `ES2`, `EP2`; a sub-item `i1_a`); when a framework without display
 * codes gives two instruments the same code, both are prefixed with their instrument (`EIT1_e2`).
 */
export function microdataColumns(framework: Framework): MicrodataColumn[] {
  const answers: AnswerColumn[] = [];
  for (const instrument of surveyInstruments(framework)) {
    for (const [code, displayCode] of displayCodes(framework, instrument)) {
      const question = framework.questions.find((q) => q.code === code);
      if (!question) continue;
      const options = (framework.scales.find((s) => s.code === question.scale)?.options ?? []).map((o) => ({
        value: o.value,
        label: o.label,
      }));
      const base = { kind: 'answer' as const, instrument, question: code, displayCode, text: question.text };
      if (question.subItems.length === 0)
        answers.push({ ...base, name: displayCode, subItem: null, subItemText: null, options });
      else
        for (const sub of question.subItems)
          answers.push({
            ...base,
            name: `${displayCode}_${sub.code}`,
            subItem: sub.code,
            subItemText: sub.text,
            options,
          });
    }
  }
  const instrumentsOf = new Map<string, Set<string>>();
  for (const c of answers)
    instrumentsOf.set(c.name, (instrumentsOf.get(c.name) ?? new Set()).add(c.instrument));
  const named = answers.map((c) =>
    (instrumentsOf.get(c.name)?.size ?? 0) > 1 ? { ...c, name: `${c.instrument}_${c.name}` } : c,
  );
  return [...FIXED_COLUMNS, ...named];
}

/** Counted responses of one agency to one instrument. */
export interface ResponseGroup {
  agencyId: string;
  instrument: string;
  n: number;
}

/** The agencies whose rows are all withheld: some survey instrument of theirs has 1–4 counted responses. */
export function withheldAgencies(groups: readonly ResponseGroup[]): Set<string> {
  const byAgency = new Map<string, { code: string; n: number }[]>();
  for (const g of groups)
    byAgency.set(g.agencyId, [...(byAgency.get(g.agencyId) ?? []), { code: g.instrument, n: g.n }]);
  const out = new Set<string>();
  for (const [agencyId, instruments] of byAgency)
    if (suppressedInstruments(instruments).size > 0) out.add(agencyId);
  return out;
}

/** The data dictionary: one row per column of the file (Thai and English), in file order. */
export const DICTIONARY_HEADER = [
  'column',
  'instrument',
  'question_code',
  'display_code',
  'sub_item',
  'description_th',
  'description_en',
  'values',
] as const;

export function dictionaryRows(columns: readonly MicrodataColumn[]): string[][] {
  return columns.map((c) => {
    if (c.kind === 'fixed') return [c.name, '', '', '', '', c.th, c.en, ''];
    const th = c.subItemText ? `${c.text.th} — ${c.subItemText.th}` : c.text.th;
    const en = c.text.en ? [c.text.en, c.subItemText?.en].filter(Boolean).join(' — ') : '';
    const values = c.options
      .map((o) => `${o.value} = ${o.label.th}${o.label.en ? ` (${o.label.en})` : ''}`)
      .join('; ');
    return [c.name, c.instrument, c.question, c.displayCode, c.subItem ?? '', th, en, values];
  });
}
