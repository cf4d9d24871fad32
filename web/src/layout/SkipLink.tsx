import { useLang } from '../i18n/index.ts';

/** First focusable element: jumps keyboard users past the header and navigation. */
export function SkipLink() {
  const { t } = useLang();
  return (
    <a href="#main" className="skip-link">
      {t('nav.skip')}
    </a>
  );
}
