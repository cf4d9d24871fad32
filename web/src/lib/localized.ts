// Content data (framework names, questions) is { th, en? }: English when asked for and present, else Thai.
import type { Lang } from './format.ts';

export interface LocalizedText {
  th: string;
  en?: string | null;
}

export function pick(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' && text.en ? text.en : text.th;
}

/** Names stored as two columns (nameTh, nameEn). */
export function pickName(row: { nameTh: string; nameEn?: string | null }, lang: Lang): string {
  return lang === 'en' && row.nameEn ? row.nameEn : row.nameTh;
}
