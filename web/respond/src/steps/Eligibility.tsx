// IIT is for staff with at least one year of service: the respondent confirms it before anything else.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Message, StepHeading } from '../ui.tsx';

export function Eligibility(props: { context: ReactNode; onYes: () => void; onNo: () => void }) {
  const { t } = useI18n();
  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('eligibility.title')}</StepHeading>
      <p className="question-text">{t('eligibility.question')}</p>
      <p className="hint">{t('eligibility.why')}</p>
      <div className="actions stacked">
        <button type="button" className="primary" onClick={props.onYes}>
          {t('eligibility.yes')}
        </button>
        <button type="button" onClick={props.onNo}>
          {t('eligibility.no')}
        </button>
      </div>
    </section>
  );
}

export function NotEligible({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  return (
    <Message title={t('eligibility.notEligibleTitle')}>
      <p>{t('eligibility.notEligible')}</p>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('eligibility.back')}
        </button>
      </div>
    </Message>
  );
}
