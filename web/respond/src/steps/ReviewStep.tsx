// Every answer on one screen before sending, each with a "Change" button; sending stays on this screen
// until the server confirms (a failure says the answers are kept and the same button tries again).
import type { ReactNode } from 'react';
import { pick } from '../../../src/lib/localized.ts';
import { allQuestions, isAnswered } from '../answers.ts';
import type { Answer, Answers, ApiError, Questionnaire } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorText, StepHeading } from '../ui.tsx';

type Question = Questionnaire['groups'][number]['questions'][number];

export function ReviewStep(props: {
  context: ReactNode;
  questionnaire: Questionnaire;
  answers: Answers;
  submitting: boolean;
  error: ApiError | null;
  onChange: (questionCode: string) => void;
  onSubmit: () => void;
}) {
  const { t, lang } = useI18n();
  const { questionnaire, answers } = props;
  const complete = allQuestions(questionnaire).every((q) => isAnswered(q, answers[q.code]));
  const error = !complete ? t('review.incomplete') : props.error;
  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('review.title')}</StepHeading>
      <p>{t('review.hint')}</p>
      {questionnaire.groups.map((g) => (
        <section key={g.indicator.code} className="review-group">
          <h2>{pick(g.indicator.name, lang)}</h2>
          <ol className="review-list">
            {g.questions.map((q) => (
              <li key={q.code}>
                <p className="review-q">
                  <span className="qcode">{q.code}</span> {pick(q.text, lang)}
                </p>
                <ChosenAnswer question={q} answer={answers[q.code]} />
                <button
                  type="button"
                  className="small"
                  aria-label={t('review.changeQuestion', { code: q.code })}
                  onClick={() => props.onChange(q.code)}
                >
                  {t('review.change')}
                </button>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ErrorText
        error={error}
        extra={
          props.error && (props.error.code === 'network' || props.error.status >= 500) ? (
            <p>{t('review.notSent')}</p>
          ) : null
        }
      />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={props.submitting || !complete}
          aria-busy={props.submitting || undefined}
          onClick={props.onSubmit}
        >
          {props.submitting ? t('review.submitting') : t('review.submit')}
        </button>
      </div>
    </section>
  );
}

function ChosenAnswer({ question, answer }: { question: Question; answer: Answer | undefined }) {
  const { t, lang } = useI18n();
  const label = (value: string | undefined) => {
    const option = question.options.find((o) => o.value === value);
    return option ? pick(option.label, lang) : t('questions.unansweredMark');
  };
  if (question.subItems.length === 0)
    return <p className="review-a">{label(typeof answer === 'string' ? answer : undefined)}</p>;
  const perItem = answer && typeof answer === 'object' ? answer : {};
  return (
    <ul className="review-subs">
      {question.subItems.map((s) => (
        <li key={s.code}>
          {pick(s.text, lang)}: <strong>{label(perItem[s.code])}</strong>
        </li>
      ))}
    </ul>
  );
}
