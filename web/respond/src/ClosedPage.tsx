// Outside the collection window: say plainly that answers are not taken and when collection opens or closed.
import { formatDate } from '../../src/lib/format.ts';
import type { SurveyInfo } from './api.ts';
import { useI18n } from './i18n/index.ts';
import { Message, SurveyContext } from './ui.tsx';

export function ClosedPage({ info }: { info: SurveyInfo }) {
  const { t, lang } = useI18n();
  const { opensOn, closesOn } = info.window;
  // Calendar days in Bangkok (YYYY-MM-DD) compare as strings.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  const when =
    opensOn && today < opensOn
      ? t('closed.notYet', { date: formatDate(opensOn, lang) })
      : closesOn && today > closesOn
        ? t('closed.ended', { date: formatDate(closesOn, lang) })
        : t('closed.noDates');
  const agencyName = lang === 'en' && info.agency.nameEn ? info.agency.nameEn : info.agency.nameTh;
  return (
    <Message title={t('closed.title')}>
      <SurveyContext
        agencyName={agencyName}
        surveyName={`${t(info.instrument === 'IIT' ? 'survey.IIT' : 'survey.EIT1')} · ${t('survey.fiscalYear', { year: info.year })}`}
      />
      <p className="notice-strong">{when}</p>
      {opensOn && closesOn && (
        <p>{t('closed.period', { from: formatDate(opensOn, lang), to: formatDate(closesOn, lang) })}</p>
      )}
      <p>{t('closed.thanks')}</p>
    </Message>
  );
}

/** The IIT is full (its approved population answered) or has no approved population yet: said kindly. */
export function IntakeClosedPage({ info }: { info: SurveyInfo }) {
  const { t, lang } = useI18n();
  const full = info.intake === 'full';
  const agencyName = lang === 'en' && info.agency.nameEn ? info.agency.nameEn : info.agency.nameTh;
  return (
    <Message title={t(full ? 'intake.fullTitle' : 'intake.awaitingTitle')}>
      <SurveyContext
        agencyName={agencyName}
        surveyName={`${t('survey.IIT')} · ${t('survey.fiscalYear', { year: info.year })}`}
      />
      <p className="notice-strong">{t(full ? 'intake.full' : 'intake.awaiting')}</p>
      <p>{t(full ? 'intake.fullWhy' : 'intake.awaitingWhy')}</p>
      <p>{t('closed.thanks')}</p>
    </Message>
  );
}
