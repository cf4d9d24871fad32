// The agency's access code (on its poster), plus the single-use token when the agency requires tokens.
import { type FormEvent, type ReactNode, useState } from 'react';
import { type ApiError, type GrantResult, respondApi } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ErrorText, StepHeading } from '../ui.tsx';

export function AccessStep(props: {
  context: ReactNode;
  agencyId: string;
  requiresToken: boolean;
  initialToken: string;
  notice: string | null;
  onGranted: (grant: GrantResult) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [token, setToken] = useState(props.initialToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const accessCode = code.trim();
    const tokenValue = token.trim();
    if (!accessCode) return setError(t('access.codeRequired'));
    if (props.requiresToken && !tokenValue) return setError(t('access.tokenRequired'));
    setBusy(true);
    setError(null);
    try {
      const grant = await respondApi.access(props.agencyId, {
        accessCode,
        ...(props.requiresToken ? { token: tokenValue } : {}),
      });
      props.onGranted(grant);
    } catch (err) {
      setError(err as ApiError);
      setBusy(false);
    }
  };

  return (
    <section className="card">
      {props.context}
      <StepHeading>{t('access.title')}</StepHeading>
      {props.notice && <p className="notice-strong">{props.notice}</p>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="access-code">{t('access.code')}</label>
          <p id="access-code-hint" className="hint">
            {t('access.hint')}
          </p>
          <input
            id="access-code"
            name="accessCode"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="access-code-hint"
            aria-invalid={Boolean(error) || undefined}
            required
          />
        </div>
        {props.requiresToken && (
          <div className="field">
            <label htmlFor="access-token">{t('access.token')}</label>
            <p id="access-token-hint" className="hint">
              {t('access.tokenHint')}
            </p>
            <input
              id="access-token"
              name="token"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby="access-token-hint"
              required
            />
          </div>
        )}
        <ErrorText error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('access.checking') : t('access.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
