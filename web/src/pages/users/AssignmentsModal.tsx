// Admin: the agencies an assessor covers in one fiscal year.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { latestYear, useFrameworks } from '../../api/frameworks.ts';
import { type UserView, useAssignments, useSaveAssignments } from '../../api/users.ts';
import { AgencyMultiPicker } from '../../components/AgencyPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang } from '../../i18n/index.ts';
import { fiscalYearOf, todayInBangkok } from '../../lib/format.ts';
import { YearSelect } from '../frameworks/YearSelect.tsx';

export default function AssignmentsModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useLang();
  const frameworks = useFrameworks();
  const [year, setYear] = useState<number | null>(null);
  const effectiveYear = year ?? latestYear(frameworks.data) ?? fiscalYearOf(todayInBangkok());
  const current = useAssignments(user.id, effectiveYear);
  const save = useSaveAssignments(user.id);
  const [agencyIds, setAgencyIds] = useState<string[] | null>(null);
  useEffect(() => {
    if (current.data) {
      setAgencyIds(current.data.assignments.find((a) => a.year === effectiveYear)?.agencyIds ?? []);
    }
  }, [current.data, effectiveYear]);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.assignments.titleFor', { name: user.displayName })}
      size="lg"
    >
      <Stack gap="sm">
        <YearSelect
          value={effectiveYear}
          onChange={(y) => {
            setYear(y);
            setAgencyIds(null);
            save.reset();
          }}
        />
        {current.isPending && <Loading />}
        <ErrorAlert error={current.error ?? save.error} />
        {agencyIds && (
          <>
            <AgencyMultiPicker
              label={t('users.assignments.agencies')}
              value={agencyIds}
              onChange={setAgencyIds}
            />
            <Text size="sm" c="dimmed">
              {t('users.assignments.count', { n: agencyIds.length })}
            </Text>
          </>
        )}
        {save.isSuccess && (
          <Text c="green" role="status">
            {t('common.saved')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!agencyIds}
            onClick={() => agencyIds && save.mutate({ year: effectiveYear, agencyIds })}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
