import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@server/shared/limits.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ME_KEY } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';
import { newPasswordProblem } from '../auth/auth-rules.ts';

export default function ChangePasswordPage() {
  const { t } = useLang();
  const qc = useQueryClient();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post('/auth/password', { currentPassword: current, newPassword: password }),
    onSuccess: async () => {
      setCurrent('');
      setPassword('');
      setConfirm('');
      setTouched(false);
      // Other sessions end; this one gets a fresh CSRF token.
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const problem = newPasswordProblem(password, confirm);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem && current) change.mutate();
  };

  return (
    <>
      <PageHeader title={t('account.password.title')} description={t('account.password.intro')} />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('auth.passwordRule', { min: PASSWORD_MIN_LENGTH })}
            </Text>
            <ErrorAlert error={change.error} />
            {change.isSuccess && (
              <Alert color="green" role="status">
                {t('account.password.done')}
              </Alert>
            )}
            <PasswordInput
              label={t('account.password.current')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={touched && !current ? t('common.required') : undefined}
            />
            <PasswordInput
              label={t('auth.newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={
                touched && problem === 'tooShort'
                  ? t('auth.tooShort', { min: PASSWORD_MIN_LENGTH })
                  : undefined
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
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
