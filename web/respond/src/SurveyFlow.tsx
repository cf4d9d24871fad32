// One survey from the first screen to "thank you":
//   IIT:  eligibility → privacy notice → access code (+ token) → questions → review → submit → thanks
//   EIT1: privacy notice → phone or e-mail → one-time code → questions → review → submit → thanks
// The draft (answers + submission id + start time + grant) is on the device from the first question until
// the server has answered 200, so a reload or a failed send loses nothing and a retry cannot count twice.
import { useEffect, useState } from 'react';
import { forQuestionnaire } from './answers.ts';
import {
  type Answers,
  type ApiError,
  type GrantResult,
  type Instrument,
  respondApi,
  type SurveyInfo,
} from './api.ts';
import { ClosedPage, IntakeClosedPage } from './ClosedPage.tsx';
import {
  type Draft,
  deviceStore,
  draftKey,
  durationSeconds,
  loadDraft,
  newDraft,
  saveDraft,
  validGrant,
} from './draft.ts';
import { useI18n } from './i18n/index.ts';
import { AccessStep } from './steps/AccessStep.tsx';
import { ContactStep } from './steps/ContactStep.tsx';
import { Eligibility, NotEligible } from './steps/Eligibility.tsx';
import { Notice } from './steps/Notice.tsx';
import { OtpStep, type SentChallenge } from './steps/OtpStep.tsx';
import { QuestionsStep } from './steps/QuestionsStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { ErrorText, Message, SurveyContext } from './ui.tsx';

type Step =
  | 'eligibility'
  | 'ineligible'
  | 'notice'
  | 'access'
  | 'contact'
  | 'otp'
  | 'questions'
  | 'review'
  | 'thanks';

const store = deviceStore();
const GRANT_ERRORS = new Set(['grant_expired', 'grant_invalid']);

export function SurveyFlow(props: { instrument: Instrument; agencyId: string; token: string }) {
  const { instrument, agencyId } = props;
  const { t } = useI18n();
  const [info, setInfo] = useState<SurveyInfo | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt ("try again") loads again.
  useEffect(() => {
    let live = true;
    setLoadError(null);
    respondApi.survey(agencyId, instrument).then(
      (data) => live && setInfo(data),
      (e: ApiError) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [agencyId, instrument, attempt]);

  if (loadError)
    return (
      <Message title={t('app.notFound')}>
        <ErrorText
          error={loadError}
          extra={
            loadError.code === 'network' && (
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                {t('app.retry')}
              </button>
            )
          }
        />
      </Message>
    );
  if (!info)
    return (
      <p className="loading" aria-live="polite">
        {t('app.loading')}
      </p>
    );
  if (!info.window.open) return <ClosedPage info={info} />;
  if (info.intake !== 'open') return <IntakeClosedPage info={info} />;
  return <OpenSurvey info={info} token={props.token} />;
}

function OpenSurvey({ info, token }: { info: SurveyInfo; token: string }) {
  const { t, lang } = useI18n();
  const { instrument } = info;
  const agencyId = info.agency.id;
  const key = draftKey(instrument, agencyId, info.year);
  const [draft, setDraft] = useState<Draft | null>(() => {
    const saved = loadDraft(store, key);
    return saved && { ...saved, answers: forQuestionnaire(info.questionnaire, saved.answers) };
  });
  // Answers restored from an earlier visit (decided once: answering now must not say "restored").
  const [resumed] = useState(() => Boolean(draft && Object.keys(draft.answers).length > 0));
  const gateStart: Step = instrument === 'IIT' ? 'eligibility' : 'notice';
  const [step, setStep] = useState<Step>(() => (validGrant(draft, Date.now()) ? 'questions' : gateStart));
  const [challenge, setChallenge] = useState<SentChallenge | null>(null);
  const [returnToReview, setReturnToReview] = useState(false);
  const [regrant, setRegrant] = useState(false);
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  // The last places went while this respondent was answering: say so kindly, keep no draft.
  const [full, setFull] = useState(false);

  const update = (next: Draft) => {
    saveDraft(store, key, next);
    setDraft(next);
  };
  const setAnswers = (answers: Answers) => draft && update({ ...draft, answers });

  const granted = (result: GrantResult) => {
    const base = draft ?? newDraft(Date.now());
    update({ ...base, grant: result.grant, grantExpiresAt: result.expiresAt });
    setSubmitError(null);
    setStep(returnToReview ? 'review' : 'questions');
  };

  const submit = async () => {
    if (!draft || submitting) return;
    const grant = validGrant(draft, Date.now());
    if (!grant) return needGrantAgain();
    setSubmitting(true);
    setSubmitError(null);
    try {
      await respondApi.submit(agencyId, instrument, {
        grant,
        submissionId: draft.submissionId,
        answers: draft.answers,
        durationSeconds: durationSeconds(draft, Date.now()),
      });
      // Only now is the response safely recorded: the draft can go.
      store.removeItem(key);
      setStep('thanks');
    } catch (e) {
      const error = e as ApiError;
      if (GRANT_ERRORS.has(error.code)) needGrantAgain();
      else if (error.code === 'survey_full') {
        store.removeItem(key);
        setFull(true);
      } else setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const needGrantAgain = () => {
    if (draft) update({ ...draft, grant: undefined, grantExpiresAt: undefined });
    setReturnToReview(true);
    setRegrant(true);
    setStep(instrument === 'IIT' ? 'access' : 'contact');
  };

  const agencyName = lang === 'en' && info.agency.nameEn ? info.agency.nameEn : info.agency.nameTh;
  const context = (
    <SurveyContext
      agencyName={agencyName}
      surveyName={`${t(instrument === 'IIT' ? 'survey.IIT' : 'survey.EIT1')} · ${t('survey.fiscalYear', { year: info.year })}`}
    />
  );

  if (full) return <IntakeClosedPage info={{ ...info, intake: 'full' }} />;
  switch (step) {
    case 'eligibility':
      return (
        <Eligibility context={context} onYes={() => setStep('notice')} onNo={() => setStep('ineligible')} />
      );
    case 'ineligible':
      return <NotEligible onBack={() => setStep('eligibility')} />;
    case 'notice':
      return (
        <Notice
          context={context}
          instrument={instrument}
          onContinue={() => setStep(instrument === 'IIT' ? 'access' : 'contact')}
        />
      );
    case 'access':
      return (
        <AccessStep
          context={context}
          agencyId={agencyId}
          requiresToken={info.requiresToken}
          initialToken={token}
          notice={regrant ? t('access.again') : null}
          onGranted={granted}
        />
      );
    case 'contact':
      return (
        <ContactStep
          context={context}
          agencyId={agencyId}
          notice={regrant ? t('contact.again') : null}
          onSent={(sent) => {
            setChallenge(sent);
            setStep('otp');
          }}
        />
      );
    case 'otp':
      return challenge ? (
        <OtpStep
          context={context}
          agencyId={agencyId}
          challenge={challenge}
          onChallenge={setChallenge}
          onChangeDestination={() => setStep('contact')}
          onGranted={granted}
        />
      ) : null;
    case 'questions':
      return draft ? (
        <QuestionsStep
          context={context}
          questionnaire={info.questionnaire}
          answers={draft.answers}
          onAnswers={setAnswers}
          resumed={resumed}
          focusCode={focusCode}
          fromReview={returnToReview}
          onDone={() => {
            setReturnToReview(true);
            setFocusCode(null);
            setStep('review');
          }}
        />
      ) : null;
    case 'review':
      return draft ? (
        <ReviewStep
          context={context}
          questionnaire={info.questionnaire}
          answers={draft.answers}
          submitting={submitting}
          error={submitError}
          onChange={(code) => {
            setFocusCode(code);
            setStep('questions');
          }}
          onSubmit={submit}
        />
      ) : null;
    case 'thanks':
      return (
        <Message title={t('thanks.title')}>
          <p className="success">{t('thanks.recorded')}</p>
          <p>{t('thanks.anonymous')}</p>
        </Message>
      );
  }
}
