// i18next with Thai first and English second. The choice is kept in localStorage and mirrored on <html lang>
// so screen readers and fonts follow it.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../lib/format.ts';
import { en, th } from './catalogues.ts';

export const LANGUAGES: readonly Lang[] = ['th', 'en'];
const STORAGE_KEY = 'prongsai.lang';

function storedLanguage(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export function initI18n() {
  const lng = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: { th: { translation: th }, en: { translation: en } },
    lng,
    fallbackLng: 'th',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

export async function setLanguage(lang: Lang) {
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
