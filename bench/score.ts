// Scoring throughput: how long processing one agency (and the whole country) takes from raw answers.
// Prints figures; not a test. Run: npm run bench:score
import { readFileSync } from 'node:fs';
import { ZValidFramework } from '../src/core/framework/schema.ts';
import {
  type AnswerValue,
  minimumSample,
  type SurveyResponse,
  scoreFromAnswers,
} from '../src/core/scoring/index.ts';

const framework = ZValidFramework.parse(JSON.parse(readFileSync('frameworks/fy2568.json', 'utf8')));

// A deterministic pseudo-random source so runs are comparable.
let state = 0x2568;
const next = () => {
  state = (state * 1103515245 + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
};

function responsesFor(instrument: string, count: number): SurveyResponse[] {
  const inst = framework.instruments.find((i) => i.code === instrument);
  const questions = framework.questions.filter((q) => inst?.indicators.includes(q.indicator));
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  return Array.from({ length: count }, () => {
    const answers: Record<string, AnswerValue> = {};
    for (const q of questions) {
      const options = scales.get(q.scale)?.options ?? [];
      const pick = () => options[Math.floor(next() * options.length)]?.value ?? '';
      answers[q.code] = q.subItems.length
        ? Object.fromEntries(q.subItems.map((s) => [s.code, pick()]))
        : pick();
    }
    return { answers };
  });
}

function scoreAgency(iit: number, eit: number) {
  const eit2 = minimumSample(framework, 'EIT2', { population: eit * 5 });
  const responses = {
    IIT: responsesFor('IIT', iit),
    EIT1: responsesFor('EIT1', eit),
    EIT2: responsesFor('EIT2', eit2),
  };
  const oit = Object.fromEntries(framework.oitItems.map((o) => [o.code, next() < 0.85 ? 100 : 0]));
  const processing = {
    registered: true,
    populationEntered: { IIT: true, EIT1: true },
    minimumSample: { IIT: 1, EIT1: 1, EIT2: 1 },
    oitAnswered: true,
  };
  return { responses, oit, processing, total: iit + eit + eit2 };
}

const sizes = [
  { name: 'small SAO', iit: 30, eit: 30 },
  { name: 'municipality', iit: 120, eit: 200 },
  { name: 'large department', iit: 400, eit: 400 },
];
console.log('bench:score — FY2568 scoring from raw answers (pure engine, one core)');
let nationalMs = 0;
for (const size of sizes) {
  const input = scoreAgency(size.iit, size.eit);
  const runs = 200;
  for (let i = 0; i < 20; i++)
    scoreFromAnswers(framework, { agencyType: 'sao', ...input, responses: input.responses });
  const t0 = performance.now();
  for (let i = 0; i < runs; i++)
    scoreFromAnswers(framework, { agencyType: 'sao', ...input, responses: input.responses });
  const ms = (performance.now() - t0) / runs;
  // Mix for the national estimate: ~7,800 local governments (mostly small), ~500 larger agencies.
  nationalMs += ms * (size.name === 'small SAO' ? 6000 : size.name === 'municipality' ? 1800 : 500);
  console.log(
    `${size.name.padEnd(18)} responses ${String(input.total).padStart(4)}  ${ms.toFixed(3)} ms/agency  ${Math.round(1000 / ms)} agencies/s`,
  );
}
console.log(`national estimate (8,300 agencies): ${(nationalMs / 1000).toFixed(1)} s of scoring on one core`);
