// A tiny translation lookup for the respondent pages (i18next would cost more than the pages themselves):
// Thai first, English on request, the choice kept on the device. Keys are checked by the type system.
import { createContext, useContext } from 'react';
import { en } from './en.ts';
import { th } from './th.ts';

export type Lang = 'th' | 'en';
export type Catalogue = typeof th;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Key = Leaves<Catalogue>;
export type Vars = Record<string, string | number>;

const catalogues: Record<Lang, Catalogue> = { th, en };

/** The text for a key, with {{placeholders}} filled in; a missing English text falls back to Thai. */
export function translate(lang: Lang, key: Key, vars?: Vars): string {
  const text = lookup(catalogues[lang], key) ?? lookup(th, key) ?? key;
  return vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
}

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const LANG_KEY = 'prongsai:respond:lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

export interface I18n {
  lang: Lang;
  t: (key: Key, vars?: Vars) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'th',
  t: (key, vars) => translate('th', key, vars),
  setLang: () => {},
});

export const useI18n = (): I18n => useContext(I18nContext);
