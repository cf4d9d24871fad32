import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@server/shared/limits.ts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';
import { newPasswordProblem } from './auth-rules.ts';

export default function ResetPasswordPage() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const confirmReset = useMutation({
    mutationFn: (newPassword: string) => api.post('/auth/password-reset/confirm', { token, newPassword }),
    onSuccess: () => navigate('/login?reset=done', { replace: true }),
  });
  useEffect(() => {
    document.title = `${t('auth.reset.title')} · ${t('app.name')}`;
  }, [t]);

  if (!token) {
    return (
      <EmptyState
        title={t('auth.reset.noToken')}
        hint={t('auth.reset.noTokenHint')}
        action={
          <Anchor component={RouterLink} to="/forgot-password">
            {t('auth.login.forgot')}
          </Anchor>
        }
      />
    );
  }

  const problem = newPasswordProblem(password, confirm);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem) confirmReset.mutate(password);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>{t('auth.reset.title')}</h2>
        <Text size="sm" c="dimmed">
          {t('auth.passwordRule', { min: PASSWORD_MIN_LENGTH })}
        </Text>
        <ErrorAlert error={confirmReset.error} />
        <PasswordInput
          label={t('auth.newPassword')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={
            touched && problem === 'tooShort' ? t('auth.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined
          }
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={touched && problem === 'mismatch' ? t('auth.mismatch') : undefined}
        />
        <Button type="submit" loading={confirmReset.isPending} fullWidth>
          {t('auth.reset.submit')}
        </Button>
        <Anchor component={RouterLink} to="/login" size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}
