// Agency type, peer group and size class in words ("องค์การบริหารส่วนจังหวัด · ขนาดใหญ่"), never as the
// registry's codes ("pao · L"). Codes a framework invents itself are shown as written.
import { AGENCY_TYPE_LABELS } from '@server/shared/agency-type-labels.ts';
import type { Lang } from './format.ts';

export const SIZE_CLASS_LABELS: Record<'S' | 'M' | 'L', { th: string; en: string }> = {
  S: { th: 'ขนาดเล็ก', en: 'Small' },
  M: { th: 'ขนาดกลาง', en: 'Medium' },
  L: { th: 'ขนาดใหญ่', en: 'Large' },
};

function has<K extends string>(table: Record<K, unknown>, key: string): key is K {
  return Object.hasOwn(table, key);
}

/** "pao" → "องค์การบริหารส่วนจังหวัด" / "Provincial Administrative Organization"; unknown codes as written. */
export function agencyTypeWords(code: string, lang: Lang): string {
  return has(AGENCY_TYPE_LABELS, code) ? AGENCY_TYPE_LABELS[code][lang] : code;
}

/** "L" → "ขนาดใหญ่" / "Large"; other labels as written. */
export function sizeClassWords(size: string, lang: Lang): string {
  const key = size.trim().toUpperCase();
  return has(SIZE_CLASS_LABELS, key) ? SIZE_CLASS_LABELS[key][lang] : size;
}

/** Peer group and size together: "องค์การบริหารส่วนจังหวัด · ขนาดใหญ่"; "–" when neither is set. */
export function peerGroupWords(
  peerGroup: string | null | undefined,
  sizeClass: string | null | undefined,
  lang: Lang,
): string {
  const parts: string[] = [];
  if (peerGroup) parts.push(agencyTypeWords(peerGroup, lang));
  if (sizeClass) parts.push(sizeClassWords(sizeClass, lang));
  return parts.join(' · ') || '–';
}
