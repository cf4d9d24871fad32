// The questionnaire, one indicator per screen: each question is a radio group (fieldset + legend), a
// question with sub-items has one radio group per sub-item. "Next" checks the screen is complete.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { pick } from '../../../src/lib/localized.ts';
import { firstOpenGroup, isAnswered, progress, unanswered, withAnswer } from '../answers.ts';
import type { Answer, Answers, Questionnaire } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorText, StepHeading } from '../ui.tsx';

type Question = Questionnaire['groups'][number]['questions'][number];

export function QuestionsStep(props: {
  context: ReactNode;
  questionnaire: Questionnaire;
  answers: Answers;
  onAnswers: (answers: Answers) => void;
  resumed: boolean;
  /** A question to bring into view (from the review's "Change"). */
  focusCode: string | null;
  fromReview: boolean;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { questionnaire, answers } = props;
  const groups = questionnaire.groups;
  const [index, setIndex] = useState(() => {
    const target = groups.findIndex((g) => g.questions.some((q) => q.code === props.focusCode));
    return target >= 0 ? target : firstOpenGroup(questionnaire, answers);
  });
  const [showMissing, setShowMissing] = useState(false);
  const group = groups[index];
  const missing = group ? unanswered(group.questions, answers) : [];
  const done = progress(questionnaire, answers);
  const last = index === groups.length - 1;
  const root = useRef<HTMLElement>(null);

  // After "Change" on the review, land on that question's chosen option rather than the top of the page.
  useEffect(() => {
    if (!props.focusCode) return;
    const fieldset = root.current?.querySelector<HTMLElement>(`[data-question="${props.focusCode}"]`);
    const input =
      fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector('input');
    input?.focus();
    fieldset?.scrollIntoView({ block: 'center' });
  }, [props.focusCode]);

  if (!group) return null;

  const go = (next: number) => {
    setShowMissing(false);
    setIndex(next);
    window.scrollTo(0, 0);
  };
  const forward = () => {
    if (missing.length > 0) {
      setShowMissing(true);
      const first = root.current?.querySelector<HTMLElement>(`[data-question="${missing[0]?.code}"] input`);
      first?.focus();
      return;
    }
    if (last || props.fromReview) props.onDone();
    else go(index + 1);
  };

  return (
    <section className="card" ref={root} key={index}>
      {props.context}
      <p className="section-count">{t('questions.section', { current: index + 1, total: groups.length })}</p>
      <StepHeading>{pick(group.indicator.name, lang)}</StepHeading>
      <div className="progress" aria-live="polite">
        <progress max={done.total} value={done.answered} aria-label={t('questions.progressLabel')} />
        <span>{t('questions.progress', done)}</span>
      </div>
      {props.resumed && index === firstOpenGroup(questionnaire, answers) && (
        <p className="hint">{t('questions.resumed')}</p>
      )}
      {group.questions.map((q) => (
        <QuestionField
          key={q.code}
          question={q}
          answer={answers[q.code]}
          flagged={showMissing && !isAnswered(q, answers[q.code])}
          onPick={(value, sub) => props.onAnswers(withAnswer(answers, q.code, value, sub))}
        />
      ))}
      <ErrorText
        error={
          showMissing && missing.length > 0 ? t('questions.unanswered', { count: missing.length }) : null
        }
      />
      <p className="hint">{t('questions.saved')}</p>
      <div className="actions split">
        {index > 0 && !props.fromReview && (
          <button type="button" onClick={() => go(index - 1)}>
            {t('questions.previous')}
          </button>
        )}
        <button type="button" className="primary" onClick={forward}>
          {props.fromReview
            ? t('questions.backToReview')
            : last
              ? t('questions.toReview')
              : t('questions.next')}
        </button>
      </div>
    </section>
  );
}

function QuestionField(props: {
  question: Question;
  answer: Answer | undefined;
  flagged: boolean;
  onPick: (value: string, subItemCode?: string) => void;
}) {
  const { t, lang } = useI18n();
  const { question: q, answer } = props;
  const missingId = `missing-${q.code}`;
  const subs = q.subItems;
  return (
    <fieldset
      className={props.flagged ? 'question flagged' : 'question'}
      data-question={q.code}
      aria-describedby={props.flagged ? missingId : undefined}
    >
      <legend>
        <span className="qcode">{q.code}</span> {pick(q.text, lang)}
      </legend>
      {props.flagged && (
        <p id={missingId} className="missing">
          {t('questions.unansweredMark')}
        </p>
      )}
      {subs.length === 0 ? (
        <Options
          name={q.code}
          options={q.options}
          value={typeof answer === 'string' ? answer : undefined}
          onPick={(v) => props.onPick(v)}
        />
      ) : (
        <>
          <p className="hint">{t('questions.subItemsHint')}</p>
          {subs.map((s) => (
            <fieldset key={s.code} className="sub-item">
              <legend>
                <span className="qcode">{s.code}</span> {pick(s.text, lang)}
              </legend>
              <Options
                name={`${q.code}.${s.code}`}
                options={q.options}
                value={answer && typeof answer === 'object' ? answer[s.code] : undefined}
                onPick={(v) => props.onPick(v, s.code)}
              />
            </fieldset>
          ))}
        </>
      )}
    </fieldset>
  );
}

function Options(props: {
  name: string;
  options: Question['options'];
  value: string | undefined;
  onPick: (value: string) => void;
}) {
  const { lang } = useI18n();
  return (
    <div className="options">
      {props.options.map((o) => (
        <label key={o.value} className="option">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onPick(o.value)}
          />
          <span>{pick(o.label, lang)}</span>
        </label>
      ))}
    </div>
  );
}
