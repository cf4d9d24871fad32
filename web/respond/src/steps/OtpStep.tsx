// EIT part 1: the 6-digit code, with a resend that unlocks after the server's cool-down.

import { OTP_LENGTH } from '@server/shared/limits.ts';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { type ApiError, type GrantResult, type OtpChallenge, respondApi } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorText, StepHeading } from '../ui.tsx';

export interface SentChallenge extends OtpChallenge {
  channel: 'sms' | 'email';
  destination: string;
  /** Epoch ms when the server answered, to count the resend cool-down down. */
  sentAt: number;
}

function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= until) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [until, now]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function OtpStep(props: {
  context: ReactNode;
  agencyId: string;
  challenge: SentChallenge;
  onChallenge: (next: SentChallenge) => void;
  onChangeDestination: () => void;
  onGranted: (grant: GrantResult) => void;
}) {
  const { t } = useI18n();
  const { challenge } = props;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [status, setStatus] = useState('');
  const resendIn = useSecondsLeft(challenge.sentAt + challenge.resendAfterSeconds * 1000);
  const pattern = new RegExp(`^\\d{${OTP_LENGTH}}$`);

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = code.replace(/\s/g, '');
    if (!pattern.test(value)) return setError(t('otp.codeFormat'));
    setBusy(true);
    setError(null);
    try {
      props.onGranted(
        await respondApi.verifyOtp(props.agencyId, { challengeId: challenge.challengeId, code: value }),
      );
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  };

  const resend = async () => {
    if (busy || resendIn > 0) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const next = await respondApi.resendOtp(props.agencyId, challenge.challengeId);
      props.onChallenge({ ...challenge, ...next, sentAt: Date.now() });
      setCode('');
      setStatus(t('otp.resent'));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('otp.title')}</StepHeading>
      <p>{t('otp.sentTo', { destination: challenge.destination })}</p>
      <p className="hint">{t('otp.expiresIn', { minutes: Math.round(challenge.expiresInSeconds / 60) })}</p>
      <form onSubmit={verify} noValidate>
        <div className="field">
          <label htmlFor="otp-code">{t('otp.code')}</label>
          <input
            id="otp-code"
            name="code"
            className="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={OTP_LENGTH + 2}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={Boolean(error) || undefined}
            required
          />
        </div>
        <ErrorText error={error} />
        <p className="status" aria-live="polite">
          {status}
        </p>
        <div className="actions stacked">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('otp.verifying') : t('otp.verify')}
          </button>
          <button
            type="button"
            onClick={resend}
            disabled={busy || resendIn > 0}
            aria-describedby="resend-wait"
          >
            {t('otp.resend')}
          </button>
          {/* Not live: a screen reader would otherwise read every second of the countdown. */}
          <p id="resend-wait" className="hint">
            {resendIn > 0 ? t('otp.resendIn', { seconds: resendIn }) : ''}
          </p>
          <button type="button" className="link-button" onClick={props.onChangeDestination}>
            {t('otp.changeDestination')}
          </button>
        </div>
      </form>
    </section>
  );
}
