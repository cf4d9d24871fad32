// The authoring form's pure parts: what the form holds → what is checked and saved (empty optional fields
// left out), where a problem's path is in the form, and which section it belongs to.
import type { FrameworkProblem } from '@server/core/framework/messages.ts';

export type DraftValues = Record<string, unknown>;

/** Optional fields whose empty input means "not given". */
const OPTIONAL = new Set([
  'en',
  'allBelow',
  'sizeClass',
  'totalAtLeast',
  'everyInstrumentAtLeast',
  'someInstrumentBelow',
  'nationalTargetShare',
]);
/** Optional texts (Thai + English) that are left out when both are empty. */
const OPTIONAL_TEXTS = new Set(['period', 'note']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function cleanDraft(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((x) => cleanDraft(x));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (OPTIONAL.has(k) && (v === '' || v === null)) continue;
    const cleaned = cleanDraft(v, k);
    if (OPTIONAL_TEXTS.has(k) && isRecord(cleaned) && !cleaned.th && !cleaned.en) continue;
    if ((k === 'onlyTypes' || k === 'exceptTypes') && Array.isArray(cleaned) && cleaned.length === 0)
      continue;
    if ((k === 'appliesTo' || k === 'display') && isRecord(cleaned)) {
      const kept = Object.fromEntries(Object.entries(cleaned).filter(([, x]) => x !== '' && x !== undefined));
      if (Object.keys(kept).length === 0) continue;
      out[k] = kept;
      continue;
    }
    out[k] = cleaned;
  }
  // `cap` is given with both numbers or not at all.
  if (key === 'sample' && isRecord(out.cap) && out.cap.above === '' && out.cap.minimum === '') delete out.cap;
  return out;
}

/** `questions[0].text.th` (the API's paths) → `questions.0.text.th` (the form's). */
export const formPath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

export const SECTIONS = [
  'instruments',
  'sample',
  'processing',
  'indicators',
  'questions',
  'oit',
  'rating',
  'calendar',
  'crosswalk',
  'general',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The section of the screen a problem is shown in. */
export function sectionOf(path: string): Section {
  if (/^instruments\[\d+\]\.sample/.test(path)) return 'sample';
  if (/^instruments\[\d+\]\.processing/.test(path)) return 'processing';
  const root = path.split(/[.[]/)[0];
  switch (root) {
    case 'instruments':
      return 'instruments';
    case 'indicators':
      return 'indicators';
    case 'questions':
    case 'scales':
      return 'questions';
    case 'oitItems':
      return 'oit';
    case 'rating':
      return 'rating';
    case 'calendar':
      return 'calendar';
    case 'crosswalk':
      return 'crosswalk';
    default:
      return 'general';
  }
}

export function problemsBySection(problems: readonly FrameworkProblem[]): Map<Section, FrameworkProblem[]> {
  const out = new Map<Section, FrameworkProblem[]>();
  for (const p of problems) out.set(sectionOf(p.path), [...(out.get(sectionOf(p.path)) ?? []), p]);
  return out;
}
