import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NewPasswordFields, PasswordRule, useNewPassword } from '../../components/NewPasswordFields.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';

export default function ChangePasswordPage() {
  const { t } = useLang();
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const [touched, setTouched] = useState(false);
  const change = useChangePassword();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (next.problem || !current) return;
    change.mutate(
      { currentPassword: current, newPassword: next.password },
      {
        onSuccess: () => {
          setCurrent('');
          next.clear();
          setTouched(false);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('account.password.title')} description={t('account.password.intro')} />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordRule />
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
            <NewPasswordFields value={next} touched={touched} />
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
