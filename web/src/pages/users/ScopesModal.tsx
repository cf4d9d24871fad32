// Admin: a supervisor's scope — whole provinces, whole ministries, and single agencies.
import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMinistries, useProvinces } from '../../api/reference.ts';
import { type Scopes, type UserView, useSaveScopes, useScopes } from '../../api/users.ts';
import { AgencyMultiPicker } from '../../components/AgencyPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang } from '../../i18n/index.ts';
import { pickName } from '../../lib/localized.ts';

export default function ScopesModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { lang, t } = useLang();
  const current = useScopes(user.id);
  const save = useSaveScopes(user.id);
  const provinces = useProvinces();
  const ministries = useMinistries();
  const [scopes, setScopes] = useState<Scopes | null>(null);
  useEffect(() => {
    if (current.data && !scopes) setScopes(current.data);
  }, [current.data, scopes]);

  return (
    <Modal opened onClose={onClose} title={t('users.scopes.titleFor', { name: user.displayName })} size="lg">
      {current.isPending && <Loading />}
      <ErrorAlert error={current.error ?? save.error} />
      {scopes && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('users.scopes.intro')}
          </Text>
          <MultiSelect
            label={t('users.scopes.provinces')}
            data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
            value={scopes.provinces}
            onChange={(v) => setScopes({ ...scopes, provinces: v })}
            searchable
            clearable
          />
          <MultiSelect
            label={t('users.scopes.ministries')}
            data={(ministries.data ?? []).map((m) => ({ value: m.code, label: pickName(m, lang) }))}
            value={scopes.ministries}
            onChange={(v) => setScopes({ ...scopes, ministries: v })}
            searchable
            clearable
          />
          <AgencyMultiPicker
            label={t('users.scopes.agencies')}
            value={scopes.agencies}
            onChange={(v) => setScopes({ ...scopes, agencies: v })}
          />
          {save.isSuccess && (
            <Text c="green" role="status">
              {t('common.saved')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(scopes)}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
