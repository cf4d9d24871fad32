import { Anchor, Button, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useConfirmPasswordReset } from '../../api/auth.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NewPasswordFields, PasswordRule, useNewPassword } from '../../components/NewPasswordFields.tsx';
import { useLang } from '../../i18n/index.ts';

export default function ResetPasswordPage() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const next = useNewPassword();
  const [touched, setTouched] = useState(false);
  const confirmReset = useConfirmPasswordReset();
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (next.problem) return;
    confirmReset.mutate(
      { token, newPassword: next.password },
      { onSuccess: () => navigate('/login?reset=done', { replace: true }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>{t('auth.reset.title')}</h2>
        <PasswordRule />
        <ErrorAlert error={confirmReset.error} />
        <NewPasswordFields value={next} touched={touched} />
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
