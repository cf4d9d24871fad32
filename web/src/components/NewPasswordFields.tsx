// A new password typed twice (changing the password, resetting it): the rule above the fields, and the
// problem under the field it concerns once the form has been sent. The limits are the server's.
import { PasswordInput, Text } from '@mantine/core';
import { PASSWORD_MIN_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { newPasswordProblem, type PasswordProblem } from '../pages/auth/auth-rules.ts';

export interface NewPassword {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** What keeps the pair from being sent, or null. */
  problem: PasswordProblem;
  clear: () => void;
}

export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    problem: newPasswordProblem(password, confirm),
    clear: () => {
      setPassword('');
      setConfirm('');
    },
  };
}

/** The password rule as a hint line (placed by the form, above its error alert). */
export function PasswordRule() {
  const { t } = useLang();
  return (
    <Text size="sm" c="dimmed">
      {t('auth.passwordRule', { min: PASSWORD_MIN_LENGTH })}
    </Text>
  );
}

export function NewPasswordFields({ value, touched }: { value: NewPassword; touched: boolean }) {
  const { t } = useLang();
  return (
    <>
      <PasswordInput
        label={t('auth.newPassword')}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => value.setPassword(e.currentTarget.value)}
        error={
          touched && value.problem === 'tooShort'
            ? t('auth.tooShort', { min: PASSWORD_MIN_LENGTH })
            : undefined
        }
      />
      <PasswordInput
        label={t('auth.confirmPassword')}
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => value.setConfirm(e.currentTarget.value)}
        error={touched && value.problem === 'mismatch' ? t('auth.mismatch') : undefined}
      />
    </>
  );
}
