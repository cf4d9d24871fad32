// The respondent shell: a slim header with the language switch, then the page the address asks for.
import { useEffect, useMemo, useState } from 'react';
import { AgencySearch } from './AgencySearch.tsx';
import { I18nContext, initialLang, type Lang, rememberLang, translate } from './i18n/index.ts';
import { parseRoute } from './route.ts';
import { SurveyFlow } from './SurveyFlow.tsx';
import { Message } from './ui.tsx';

const route = parseRoute(window.location.pathname, window.location.search);
// A single-use token from a slip's QR stays out of the address bar and the history once it has been read.
if (route.page === 'survey' && route.token) window.history.replaceState(null, '', window.location.pathname);

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(
    () => ({
      lang,
      t: (key: Parameters<typeof translate>[1], vars?: Parameters<typeof translate>[2]) =>
        translate(lang, key, vars),
      setLang: (next: Lang) => {
        rememberLang(next);
        setLang(next);
      },
    }),
    [lang],
  );
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  const other: Lang = lang === 'th' ? 'en' : 'th';
  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <span className="brand">{t('app.brand')}</span>
        <button
          type="button"
          className="link-button"
          lang={other}
          aria-label={t('app.switchLanguageLabel')}
          onClick={() => i18n.setLang(other)}
        >
          {t('app.switchLanguage')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'survey' ? (
          <SurveyFlow instrument={route.instrument} agencyId={route.agencyId} token={route.token} />
        ) : route.page === 'eit-search' ? (
          <AgencySearch />
        ) : (
          <Message title={t('app.notFound')} />
        )}
      </main>
    </I18nContext.Provider>
  );
}
