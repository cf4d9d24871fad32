// What changed from one framework to another (last year's in force → this year's draft), per instrument,
// indicator, question, OIT item, rating rule and calendar stage. Questions and OIT items are paired through
// the new framework's crosswalk when it comes from the old one's year, else by equal codes.
import type { Framework } from './schema.ts';

export type DiffSection = 'instruments' | 'indicators' | 'questions' | 'oitItems' | 'rating' | 'calendar';

export interface FieldChange {
  /** The field's name in the framework format (`weight`, `text.th`, `start`…); the screen words it. */
  field: string;
  before: string;
  after: string;
}

export interface Change {
  section: DiffSection;
  /** The code in the new framework (or the old one's for a removed entry). */
  code: string;
  kind: 'added' | 'removed' | 'changed';
  /** Its name in words (instrument, indicator, stage and rating names, question text, OIT title). */
  name: { th: string; en?: string | undefined };
  /** The old codes it continues, when they differ from `code`. */
  continues: string[];
  fields: FieldChange[];
}

type Flat = Record<string, string>;
const list = (xs: readonly string[] | undefined) => (xs ?? []).join(', ');

const flatInstrument = (i: Framework['instruments'][number]): Flat => ({
  'name.th': i.name.th,
  'name.en': i.name.en ?? '',
  weight: String(i.weight),
  collection: i.collection,
  indicators: list(i.indicators),
  sample: i.sample ? JSON.stringify(i.sample) : '',
  processing: list(i.processing),
});
const flatIndicator = (i: Framework['indicators'][number]): Flat => ({
  'name.th': i.name.th,
  'name.en': i.name.en ?? '',
  subIndicators: i.subIndicators.map((s) => `${s.code} ${s.name.th}`).join(' | '),
});
const flatQuestion = (q: Framework['questions'][number]): Flat => ({
  indicator: q.indicator,
  'text.th': q.text.th,
  'text.en': q.text.en ?? '',
  scale: q.scale,
  polarity: q.polarity,
  subItems: q.subItems.map((s) => `${s.code} ${s.text.th}`).join(' | '),
  appliesTo: q.appliesTo?.onlyTypes
    ? `only ${list(q.appliesTo.onlyTypes)}`
    : q.appliesTo?.exceptTypes
      ? `except ${list(q.appliesTo.exceptTypes)}`
      : '',
  display: Object.entries(q.display ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', '),
});
const flatOit = (o: Framework['oitItems'][number]): Flat => ({
  indicator: o.indicator,
  subIndicator: o.subIndicator,
  'title.th': o.title.th,
  'title.en': o.title.en ?? '',
  components: o.components.map((c) => c.th).join(' | '),
  conditions: JSON.stringify(o.conditions),
  appliesTo: o.appliesTo?.onlyTypes
    ? `only ${list(o.appliesTo.onlyTypes)}`
    : o.appliesTo?.exceptTypes
      ? `except ${list(o.appliesTo.exceptTypes)}`
      : '',
});
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
const flatRule = (r: Framework['rating']['rules'][number]): Flat => ({
  'label.th': r.label.th,
  totalAtLeast: num(r.totalAtLeast),
  everyInstrumentAtLeast: num(r.everyInstrumentAtLeast),
  someInstrumentBelow: num(r.someInstrumentBelow),
  passes: String(r.passes),
});
const flatStage = (s: Framework['calendar'][number]): Flat => ({
  'name.th': s.name.th,
  start: s.start,
  end: s.end,
});

function fieldChanges(before: Flat | undefined, after: Flat | undefined): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.flatMap((field) => {
    const b = before?.[field] ?? '';
    const a = after?.[field] ?? '';
    return a === b ? [] : [{ field, before: b, after: a }];
  });
}

type Named = { code: string } & (
  | { name: Framework['indicators'][number]['name'] }
  | { text: Framework['questions'][number]['text'] }
  | { title: Framework['oitItems'][number]['title'] }
  | { label: Framework['rating']['rules'][number]['label'] }
);
const nameOf = (x: Named) => ('name' in x ? x.name : 'text' in x ? x.text : 'title' in x ? x.title : x.label);

function byCode<T extends Named>(
  section: DiffSection,
  before: readonly T[],
  after: readonly T[],
  flat: (x: T) => Flat,
  continues: (code: string) => string[] = (code) => [code],
): Change[] {
  const old = new Map(before.map((x) => [x.code, x]));
  const used = new Set<string>();
  const changes: Change[] = [];
  for (const item of after) {
    const from = continues(item.code).filter((c) => old.has(c));
    for (const c of from) used.add(c);
    const first = from[0];
    if (first === undefined) {
      changes.push({
        section,
        code: item.code,
        name: nameOf(item),
        kind: 'added',
        continues: [],
        fields: fieldChanges(undefined, flat(item)),
      });
      continue;
    }
    const fields = fieldChanges(flat(old.get(first) as T), flat(item));
    const renamed = from.length !== 1 || first !== item.code;
    if (fields.length > 0 || renamed)
      changes.push({
        section,
        code: item.code,
        name: nameOf(item),
        kind: 'changed',
        continues: renamed ? from : [],
        fields,
      });
  }
  for (const item of before)
    if (!used.has(item.code))
      changes.push({
        section,
        code: item.code,
        name: nameOf(item),
        kind: 'removed',
        continues: [],
        fields: fieldChanges(flat(item), undefined),
      });
  return changes;
}

export function frameworkDiff(before: Framework, after: Framework): Change[] {
  const walk = after.crosswalk;
  const crosswalk =
    walk && walk.fromYear === before.year
      ? walk.codes.reduce(
          (m, { from, to }) => m.set(to, [...(m.get(to) ?? []), from]),
          new Map<string, string[]>(),
        )
      : undefined;
  const continues = (code: string) => (crosswalk ? (crosswalk.get(code) ?? []) : [code]);
  return [
    ...byCode('instruments', before.instruments, after.instruments, flatInstrument),
    ...byCode('indicators', before.indicators, after.indicators, flatIndicator),
    ...byCode('questions', before.questions, after.questions, flatQuestion, continues),
    ...byCode('oitItems', before.oitItems, after.oitItems, flatOit, continues),
    ...byCode('rating', before.rating.rules, after.rating.rules, flatRule),
    ...byCode('calendar', before.calendar, after.calendar, flatStage),
  ];
}
