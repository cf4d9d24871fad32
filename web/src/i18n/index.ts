// i18next with Thai first and English second. The choice is kept in localStorage and mirrored on <html lang>
// so screen readers and fonts follow it.
//
// Only the language in use is loaded (issue 13 §5): its core catalogue before the first render (the sign-in
// pages need nothing else), its feature strings when a page of the staff app opens (ensureFeatures, called
// by the router). A language switch loads the other language's parts first, then switches.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../lib/format.ts';
import type { Tree } from './merge.ts';

export const LANGUAGES: readonly Lang[] = ['th', 'en'];
const STORAGE_KEY = 'prongsai.lang';

const cores: Record<Lang, () => Promise<{ default: unknown }>> = {
  th: () => import('./th.json'),
  en: () => import('./en.json'),
};
const featureChunks: Record<Lang, () => Promise<{ features: Tree }>> = {
  th: () => import('./features.th.ts'),
  en: () => import('./features.en.ts'),
};

const coreLoaded = new Set<Lang>();
const featuresLoaded = new Set<Lang>();
/** Set once a page needed the feature strings: a language switch then loads them too. */
let featuresWanted = false;

function storedLanguage(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'th');

async function loadCore(lang: Lang): Promise<void> {
  if (coreLoaded.has(lang)) return;
  const tree = (await cores[lang]()).default as Tree;
  i18n.addResourceBundle(lang, 'translation', tree, true, false);
  coreLoaded.add(lang);
}

async function loadFeatures(lang: Lang): Promise<void> {
  if (featuresLoaded.has(lang)) return;
  const { features } = await featureChunks[lang]();
  i18n.addResourceBundle(lang, 'translation', features, true, false);
  featuresLoaded.add(lang);
}

/** Initialises i18next with the stored language's core catalogue; render after it resolves. */
export async function initI18n() {
  const lng = storedLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng,
    // Both catalogues hold every key (catalogue.test.ts), so there is nothing to fall back to.
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  await loadCore(lng);
  document.documentElement.lang = lng;
  return i18n;
}

/** The feature strings of the language in use, before a staff page renders (the router's lazy routes). */
export async function ensureFeatures(): Promise<void> {
  featuresWanted = true;
  await loadFeatures(currentLang());
}

export async function setLanguage(lang: Lang) {
  await loadCore(lang);
  if (featuresWanted) await loadFeatures(lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** The UI language as our Lang type, with t(). */
export function useLang(): { lang: Lang; t: ReturnType<typeof useTranslation>['t'] } {
  const { t, i18n: instance } = useTranslation();
  return { lang: instance.language === 'en' ? 'en' : 'th', t };
}
