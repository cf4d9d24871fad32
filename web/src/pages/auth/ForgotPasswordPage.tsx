import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useRequestPasswordReset } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';

export default function ForgotPasswordPage() {
  const { lang, t } = useLang();
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const request = useRequestPasswordReset();
  useEffect(() => {
    document.title = `${t('auth.forgot.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (value.trim()) request.mutate(value.trim());
  };

  // The server answers the same whether or not the account exists, so we do too.
  const serverMessage = request.data?.message;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <h2 style={{ margin: 0, fontSize: '1.1rem' }}>{t('auth.forgot.title')}</h2>
        <Text size="sm" c="dimmed">
          {t('auth.forgot.intro')}
        </Text>
        <ErrorAlert error={request.error} />
        {request.isSuccess ? (
          <Alert color="green" role="status">
            {serverMessage ? (lang === 'en' ? serverMessage.en : serverMessage.th) : t('auth.forgot.sent')}
          </Alert>
        ) : (
          <>
            <TextInput
              label={t('auth.forgot.usernameOrEmail')}
              name="usernameOrEmail"
              autoComplete="username"
              required
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={touched && !value.trim() ? t('common.required') : undefined}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
          </>
        )}
        <Anchor component={RouterLink} to="/login" size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}
