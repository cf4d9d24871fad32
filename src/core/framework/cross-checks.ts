// Checks across a framework's parts that a single field's schema cannot express, each with a Thai and an
// English message (admins importing a framework read the Thai one first) and the path of the field it is
// about (`['instruments', 1, 'weight']`), so that a form can show it there.
import type { Framework } from './schema.ts';

export type ProblemPath = (string | number)[];

export interface CrossCheckProblem {
  path: ProblemPath;
  th: string;
  en: string;
}

const KIND_TH: Record<string, string> = {
  instrument: 'เครื่องมือ',
  indicator: 'ตัวชี้วัด',
  'sub-indicator': 'ตัวชี้วัดย่อย',
  scale: 'มาตรวัดคำตอบ',
  question: 'ข้อคำถาม',
  rating: 'ระดับผลการประเมิน',
  stage: 'ขั้นตอนในปฏิทิน',
  'sub-item': 'ข้อย่อย',
};

export function frameworkProblems(f: Framework): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const add = (path: ProblemPath, th: string, en: string) => problems.push({ path, th, en });
  const dupes = (
    kind: keyof typeof KIND_TH,
    codes: { code: string; path: ProblemPath }[],
    where = '',
    whereTh = '',
  ) => {
    const seen = new Set<string>();
    for (const { code: c, path } of codes) {
      if (seen.has(c))
        add(path, `รหัส${KIND_TH[kind]}${whereTh} "${c}" ซ้ำกัน`, `duplicate ${kind} code "${c}"${where}`);
      seen.add(c);
    }
  };
  const at = (list: string, items: { code: string }[]) =>
    items.map((x, i) => ({ code: x.code, path: [list, i, 'code'] }));
  dupes('instrument', at('instruments', f.instruments));
  dupes('indicator', at('indicators', f.indicators));
  dupes(
    'sub-indicator',
    f.indicators.flatMap((ind, i) =>
      ind.subIndicators.map((s, j) => ({
        code: s.code,
        path: ['indicators', i, 'subIndicators', j, 'code'],
      })),
    ),
  );
  dupes('scale', at('scales', f.scales));
  dupes('question', [...at('questions', f.questions), ...at('oitItems', f.oitItems)]);
  dupes('rating', at('rating.rules', f.rating.rules));
  dupes('stage', at('calendar', f.calendar));
  // 'rating.rules' above is one list key for `at`; split it back into the path's two parts.
  for (const p of problems) if (p.path[0] === 'rating.rules') p.path.splice(0, 1, 'rating', 'rules');

  const weightSum = f.instruments.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(weightSum - 100) > 1e-9)
    add(
      ['instruments'],
      `น้ำหนักของเครื่องมือรวมกันได้ ${weightSum} ไม่ใช่ 100`,
      `instrument weights sum to ${weightSum}, not 100`,
    );

  const indicators = new Map(f.indicators.map((i) => [i.code, i]));
  const instrumentCodes = new Set(f.instruments.map((i) => i.code));
  const surveyIndicators = new Set<string>();
  const oitIndicators = new Set<string>();
  const sampleBase = new Map<string, string>();
  f.instruments.forEach((inst, ii) => {
    inst.indicators.forEach((code, k) => {
      if (!indicators.has(code))
        add(
          ['instruments', ii, 'indicators', k],
          `เครื่องมือ ${inst.code} อ้างถึงตัวชี้วัด ${code} ที่ไม่มีอยู่`,
          `instrument ${inst.code} refers to unknown indicator ${code}`,
        );
      (inst.collection === 'open_data' ? oitIndicators : surveyIndicators).add(code);
    });
    const s = inst.sample;
    const ref = s?.kind === 'formula' ? s.of : s?.kind === 'table' ? s.otherwise?.of : undefined;
    if (ref && ref !== 'population') {
      if (!instrumentCodes.has(ref.minimumOf) || ref.minimumOf === inst.code)
        add(
          ['instruments', ii, 'sample', ...(s?.kind === 'table' ? ['otherwise'] : []), 'of', 'minimumOf'],
          `เครื่องมือ ${inst.code}: กลุ่มตัวอย่างอ้างถึงเครื่องมือ ${ref.minimumOf} ที่ไม่มีอยู่`,
          `instrument ${inst.code}: sample refers to unknown instrument ${ref.minimumOf}`,
        );
      else sampleBase.set(inst.code, ref.minimumOf);
    }
  });
  // Sample rules that refer to each other in a circle have no answer.
  for (const start of sampleBase.keys()) {
    const seen = new Set([start]);
    for (let next = sampleBase.get(start); next; next = sampleBase.get(next)) {
      if (seen.has(next)) {
        add(
          ['instruments', f.instruments.findIndex((i) => i.code === start), 'sample'],
          `กฎกลุ่มตัวอย่างของเครื่องมือ ${start} อ้างถึงกันเป็นวง`,
          `the sample rules of instrument ${start} refer to each other in a circle`,
        );
        break;
      }
      seen.add(next);
    }
  }
  f.indicators.forEach((ind, i) => {
    if (!surveyIndicators.has(ind.code) && !oitIndicators.has(ind.code))
      add(
        ['indicators', i, 'code'],
        `ตัวชี้วัด ${ind.code} ไม่อยู่ในเครื่องมือใด`,
        `indicator ${ind.code} belongs to no instrument`,
      );
    if (oitIndicators.has(ind.code) && ind.subIndicators.length === 0)
      add(
        ['indicators', i, 'subIndicators'],
        `ตัวชี้วัด ${ind.code} ของแบบวัด OIT ต้องมีตัวชี้วัดย่อย`,
        `open-data indicator ${ind.code} needs sub-indicators`,
      );
  });
  const scales = new Set(f.scales.map((s) => s.code));
  f.questions.forEach((q, qi) => {
    if (!surveyIndicators.has(q.indicator))
      add(
        ['questions', qi, 'indicator'],
        `ข้อคำถาม ${q.code}: ตัวชี้วัด ${q.indicator} ไม่ได้วัดด้วยแบบสำรวจ`,
        `question ${q.code}: indicator ${q.indicator} is not scored by a survey instrument`,
      );
    if (!scales.has(q.scale))
      add(
        ['questions', qi, 'scale'],
        `ข้อคำถาม ${q.code}: ไม่รู้จักมาตรวัด "${q.scale}"`,
        `question ${q.code}: unknown scale "${q.scale}"`,
      );
    dupes(
      'sub-item',
      q.subItems.map((s, j) => ({ code: s.code, path: ['questions', qi, 'subItems', j, 'code'] })),
      ` in question ${q.code}`,
      `ของข้อคำถาม ${q.code}`,
    );
  });
  // Display codes: only for instruments that ask the question, unique within an instrument, and given for
  // every question an instrument asks or for none (a report mixing ITAS codes and our codes would mislead).
  const asking = (q: (typeof f.questions)[number]) =>
    f.instruments.filter((i) => i.collection !== 'open_data' && i.indicators.includes(q.indicator));
  const displayed = new Map<string, Map<string, string>>();
  f.questions.forEach((q, qi) => {
    for (const [inst, shown] of Object.entries(q.display ?? {})) {
      if (!asking(q).some((i) => i.code === inst)) {
        add(
          ['questions', qi, 'display', inst],
          `ข้อคำถาม ${q.code}: มีรหัสที่แสดงของเครื่องมือ ${inst} ซึ่งไม่ได้ถามข้อนี้`,
          `question ${q.code}: display code for instrument ${inst}, which does not ask it`,
        );
        continue;
      }
      const codes = displayed.get(inst) ?? new Map<string, string>();
      displayed.set(inst, codes);
      const other = codes.get(shown);
      if (other)
        add(
          ['questions', qi, 'display', inst],
          `รหัสที่แสดง "${shown}" ของเครื่องมือ ${inst} ซ้ำกัน (ข้อ ${other} และ ${q.code})`,
          `display code "${shown}" of instrument ${inst} is used twice (questions ${other} and ${q.code})`,
        );
      else codes.set(shown, q.code);
    }
  });
  for (const [inst, codes] of displayed) {
    const missing = f.questions.filter(
      (q) => asking(q).some((i) => i.code === inst) && q.display?.[inst] === undefined,
    );
    const first = missing[0];
    if (first && codes.size > 0)
      add(
        ['questions', f.questions.indexOf(first), 'display'],
        `เครื่องมือ ${inst}: ข้อคำถาม ${missing.map((q) => q.code).join(', ')} ไม่มีรหัสที่แสดง ต้องมีทุกข้อหรือไม่มีเลย`,
        `instrument ${inst}: questions ${missing.map((q) => q.code).join(', ')} have no display code; give one to every question or to none`,
      );
  }
  f.oitItems.forEach((o, oi) => {
    const ind = indicators.get(o.indicator);
    if (!oitIndicators.has(o.indicator))
      add(
        ['oitItems', oi, 'indicator'],
        `ข้อ OIT ${o.code}: ตัวชี้วัด ${o.indicator} ไม่ใช่ตัวชี้วัดของแบบวัด OIT`,
        `OIT item ${o.code}: indicator ${o.indicator} is not open data`,
      );
    else if (!ind?.subIndicators.some((s) => s.code === o.subIndicator))
      add(
        ['oitItems', oi, 'subIndicator'],
        `ข้อ OIT ${o.code}: ตัวชี้วัดย่อย ${o.subIndicator} ไม่อยู่ใต้ตัวชี้วัด ${o.indicator}`,
        `OIT item ${o.code}: sub-indicator ${o.subIndicator} is not under indicator ${o.indicator}`,
      );
  });
  // A framework at question level must cover every indicator; a structure-level one (no questions) may not.
  if (f.questions.length > 0) {
    for (const code of surveyIndicators)
      if (!f.questions.some((q) => q.indicator === code))
        add(['questions'], `ตัวชี้วัด ${code} ไม่มีข้อคำถาม`, `indicator ${code} has no questions`);
  }
  if (f.oitItems.length > 0) {
    for (const ind of f.indicators.filter((i) => oitIndicators.has(i.code)))
      for (const sub of ind.subIndicators)
        if (!f.oitItems.some((o) => o.subIndicator === sub.code))
          add(['oitItems'], `ตัวชี้วัดย่อย ${sub.code} ไม่มีข้อการประเมิน`, `sub-indicator ${sub.code} has no items`);
  }
  const last = f.rating.rules.at(-1);
  if (
    last &&
    (last.totalAtLeast !== undefined ||
      last.everyInstrumentAtLeast !== undefined ||
      last.someInstrumentBelow !== undefined)
  )
    add(
      ['rating', 'rules', f.rating.rules.length - 1],
      'ระดับผลการประเมินสุดท้ายต้องไม่มีเงื่อนไข เพื่อให้ทุกคะแนนได้ระดับผล',
      'the last rating rule must have no conditions, so that every total gets a rating',
    );
  return problems;
}
