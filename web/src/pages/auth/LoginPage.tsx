import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMe, useSignIn } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { safeNext } from './auth-rules.ts';

export default function LoginPage() {
  const { t } = useLang();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('app.name')}`;
  }, [t]);

  if (me.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-title">
      <Stack gap="sm">
        <h2 id="login-title" style={{ margin: 0, fontSize: '1.1rem' }}>
          {t('auth.login.title')}
        </h2>
        {params.get('reset') === 'done' && !signIn.isError && (
          <div role="status">{t('auth.reset.doneSignIn')}</div>
        )}
        <ErrorAlert error={signIn.error} title={t('auth.login.failed')} />
        <TextInput
          label={t('auth.username')}
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={touched && !username.trim() ? t('common.required') : undefined}
          autoFocus
        />
        <PasswordInput
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={touched && !password ? t('common.required') : undefined}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t('auth.login.submit')}
        </Button>
        <Anchor component={RouterLink} to="/forgot-password" size="sm">
          {t('auth.login.forgot')}
        </Anchor>
        <Anchor component={RouterLink} to="/public" size="sm">
          {t('auth.publicResultsLink')}
        </Anchor>
      </Stack>
    </form>
  );
}
