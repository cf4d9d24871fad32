// Create or edit an account. Agency admins manage only their agency's admins, executives and staff accounts.
import { Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Role } from '@server/core/authz.ts';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '@server/shared/limits.ts';
import { type FormEvent, useState } from 'react';
import { useUser } from '../../api/auth.ts';
import { type UserView, useCreateUser, useUpdateUser } from '../../api/users.ts';
import { useCan } from '../../auth/permissions.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { AGENCY_ROLES, rolesOffered, userFormProblems } from './user-form.ts';

export default function UserFormModal({ user, onClose }: { user?: UserView; onClose: () => void }) {
  const { t } = useLang();
  const me = useUser();
  const can = useCan();
  const isAdmin = can('user.manage', null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const roles = rolesOffered(isAdmin);
  const [f, setF] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    role: (user?.role ?? (isAdmin ? null : 'executive')) as Role | null,
    agencyId: user?.agency?.id ?? (isAdmin ? null : me.agencyId),
    password: '',
    active: user?.active ?? true,
  });
  const [touched, setTouched] = useState(false);
  const problems = userFormProblems({ ...f, creating: !user });
  const needsAgency = f.role !== null && AGENCY_ROLES.includes(f.role);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length > 0 || !f.role) return;
    const email = f.email.trim() || null;
    const agencyId = needsAgency ? f.agencyId : null;
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: { displayName: f.displayName.trim(), email, role: f.role, agencyId, active: f.active },
        },
        { onSuccess: onClose },
      );
    } else {
      create.mutate(
        {
          username: f.username.trim().toLowerCase(),
          displayName: f.displayName.trim(),
          email,
          role: f.role,
          agencyId,
          password: f.password,
        },
        { onSuccess: onClose },
      );
    }
  };
  const err = (k: keyof typeof problems) =>
    touched && problems[k] ? t(`users.form.${problems[k]}`, { min: PASSWORD_MIN_LENGTH }) : undefined;

  return (
    <Modal opened onClose={onClose} title={user ? t('users.edit') : t('users.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} />
          <TextInput
            label={t('users.username')}
            description={user ? undefined : t('users.form.usernameHint')}
            required
            disabled={Boolean(user)}
            value={f.username}
            onChange={(e) => setF({ ...f, username: e.currentTarget.value })}
            error={err('username')}
            autoComplete="off"
            pattern={USERNAME_PATTERN.source}
          />
          <TextInput
            label={t('users.displayName')}
            required
            value={f.displayName}
            onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })}
            error={err('displayName')}
          />
          <TextInput
            label={t('users.email')}
            description={t('users.form.emailHint')}
            type="email"
            value={f.email}
            onChange={(e) => setF({ ...f, email: e.currentTarget.value })}
            error={err('email')}
          />
          <Select
            label={t('users.role')}
            required
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={f.role}
            onChange={(v) => setF({ ...f, role: v as Role | null })}
            error={err('role')}
            allowDeselect={false}
          />
          {!isAdmin && f.role === 'executive' && user?.role !== 'executive' && (
            <Text size="sm" c="dimmed">
              {t('executives.formHint')}
            </Text>
          )}
          {needsAgency && isAdmin && (
            <AgencyPicker
              label={t('users.agency')}
              required
              value={f.agencyId}
              onChange={(id) => setF({ ...f, agencyId: id })}
            />
          )}
          {touched && needsAgency && !f.agencyId && (
            <Text size="sm" c="red" role="alert">
              {t('users.form.agencyRequired')}
            </Text>
          )}
          {!user && (
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              required
              value={f.password}
              onChange={(e) => setF({ ...f, password: e.currentTarget.value })}
              error={err('password')}
              autoComplete="new-password"
            />
          )}
          {user && user.id !== me.id && (
            <Checkbox
              label={t('users.active')}
              checked={f.active}
              onChange={(e) => setF({ ...f, active: e.currentTarget.checked })}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
