// Small building blocks shared by the respondent steps.
import { type ReactNode, useEffect, useRef } from 'react';
import type { ApiError } from './api.ts';
import { useI18n } from './i18n/index.ts';

/**
 * The step's h1, focused when the step appears so that keyboard and screen-reader users start at the top
 * of the new step (each step replaces the previous one without a page load).
 */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** An error in the UI language, announced as soon as it appears; empty when there is none. */
export function ErrorText({ error, extra }: { error: ApiError | string | null; extra?: ReactNode }) {
  const { lang } = useI18n();
  const text = error === null ? '' : typeof error === 'string' ? error : error.messageIn(lang);
  const lines = error && typeof error !== 'string' ? error.detailLines(lang) : [];
  return (
    <div role="alert" className={text ? 'error' : 'error empty'}>
      {text && <p>{text}</p>}
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {text && extra}
    </div>
  );
}

/** A page that only says something (not found, not eligible, closed). */
export function Message({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="card">
      <StepHeading>{title}</StepHeading>
      {children}
    </section>
  );
}

/** Agency and survey above each step's heading, so the respondent always knows what they answer. */
export function SurveyContext({ agencyName, surveyName }: { agencyName: string; surveyName: string }) {
  return (
    <p className="context">
      <strong>{agencyName}</strong>
      <br />
      {surveyName}
    </p>
  );
}
