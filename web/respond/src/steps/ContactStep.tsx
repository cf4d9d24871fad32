// EIT part 1: where to send the one-time code (SMS or e-mail).
import { type FormEvent, type ReactNode, useState } from 'react';
import { type ApiError, respondApi } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorText, StepHeading } from '../ui.tsx';
import type { SentChallenge } from './OtpStep.tsx';

type Channel = 'sms' | 'email';

export function ContactStep(props: {
  context: ReactNode;
  agencyId: string;
  notice: string | null;
  onSent: (sent: SentChallenge) => void;
}) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<Channel>('sms');
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = destination.trim();
    if (!value) return setError(t('contact.required'));
    setBusy(true);
    setError(null);
    try {
      const challenge = await respondApi.sendOtp(props.agencyId, { channel, destination: value });
      props.onSent({ ...challenge, channel, destination: value, sentAt: Date.now() });
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  };

  const choose = (next: Channel) => {
    setChannel(next);
    setDestination('');
    setError(null);
  };

  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('contact.title')}</StepHeading>
      {props.notice && <p className="notice-strong">{props.notice}</p>}
      <p>{t('contact.hint')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset className="choice">
          <legend>{t('contact.channel')}</legend>
          {(['sms', 'email'] as const).map((c) => (
            <label key={c} className="option">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => choose(c)}
              />
              <span>{t(c === 'sms' ? 'contact.sms' : 'contact.email')}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="destination">
            {t(channel === 'sms' ? 'contact.phone' : 'contact.emailAddress')}
          </label>
          {channel === 'sms' && (
            <p id="destination-hint" className="hint">
              {t('contact.phoneHint')}
            </p>
          )}
          <input
            id="destination"
            name="destination"
            type={channel === 'sms' ? 'tel' : 'email'}
            inputMode={channel === 'sms' ? 'tel' : 'email'}
            autoComplete={channel === 'sms' ? 'tel' : 'email'}
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
            aria-describedby={channel === 'sms' ? 'destination-hint' : undefined}
            aria-invalid={Boolean(error) || undefined}
            required
          />
        </div>
        <ErrorText error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('contact.sending') : t('contact.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
