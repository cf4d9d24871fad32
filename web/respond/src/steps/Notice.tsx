// What is and is not kept, in plain words, before the respondent gives anything.
import type { ReactNode } from 'react';
import type { Instrument } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { StepHeading } from '../ui.tsx';

export function Notice(props: { context: ReactNode; instrument: Instrument; onContinue: () => void }) {
  const { t } = useI18n();
  const iit = props.instrument === 'IIT';
  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('notice.title')}</StepHeading>
      <p className="notice-strong">{t('notice.intro')}</p>
      <h2>{t('notice.storedTitle')}</h2>
      <ul>
        <li>{t('notice.stored1')}</li>
        <li>{t('notice.stored2')}</li>
      </ul>
      <h2>{t('notice.notStoredTitle')}</h2>
      <ul>
        <li>{t(iit ? 'notice.notStoredIit' : 'notice.notStoredEit')}</li>
        {!iit && <li>{t('notice.eitContact')}</li>}
        {iit && <li>{t('notice.tokenNote')}</li>}
      </ul>
      <p>{t('notice.untraceable')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onContinue}>
          {t('notice.continue')}
        </button>
      </div>
    </section>
  );
}
