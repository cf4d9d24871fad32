// Participation of a year: counts within the viewer's scope and, for NACC, opening the cycle for every
// agency or a chosen set (one agency, a province, an agency type). Moved here from the admin home.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OpenCycleFilter } from '@server/modules/agencies/participations.schema.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useOpenCycle } from '../../api/agencies.ts';
import { cycleKeys, useCycleSummary } from '../../api/cycles.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYear } from '../../lib/format.ts';
import { emptyTarget, type TargetDraft, TargetFields, targetOf } from './TargetFields.tsx';

export function CycleParticipation({ year, canOpen }: { year: number; canOpen: boolean }) {
  const { lang, t } = useLang();
  const summary = useCycleSummary(year);
  const open = useOpenCycle();
  const qc = useQueryClient();
  const [target, setTarget] = useState<TargetDraft>(emptyTarget);
  const s = summary.data;

  const go = () => {
    const chosen = targetOf(target);
    if (!chosen) return;
    const filter: OpenCycleFilter | undefined =
      chosen.kind === 'agency'
        ? { agencyIds: [chosen.agencyId] }
        : chosen.kind === 'province'
          ? { provinceCode: chosen.provinceCode }
          : chosen.kind === 'agencyType'
            ? { type: chosen.agencyType }
            : undefined;
    open.mutate(
      { year, ...(filter ? { filter } : {}) },
      {
        onSuccess: (r) => {
          void qc.invalidateQueries({ queryKey: cycleKeys.all });
          notifications.show({
            color: 'green',
            title: t('cycles.participation.opened'),
            message: t('cycles.participation.openedDetail', {
              opened: formatCount(r.opened, lang),
              already: formatCount(r.alreadyOpen, lang),
            }),
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-participation">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cycle-participation">
          {t('cycles.participation.title')}
        </Title>
        <ErrorAlert error={summary.error} />
        {s && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <StatCard label={t('cycles.participation.agencies')} value={s.agencies} />
            <StatCard label={t('cycles.participation.open')} value={s.open} />
            <StatCard label={t('cycles.participation.registered')} value={s.registered} />
            <StatCard label={t('cycles.participation.notRegistered')} value={s.notRegistered} />
          </SimpleGrid>
        )}
        {canOpen && (
          <Stack
            gap="xs"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              go();
            }}
            aria-labelledby="cycle-open-title"
          >
            <Title order={3} size="h5" id="cycle-open-title">
              {t('cycles.participation.openTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cycles.participation.openHint')}
            </Text>
            <TargetFields value={target} onChange={setTarget} idPrefix="open" />
            <ErrorAlert error={open.error} />
            <Group>
              <Button type="submit" loading={open.isPending} disabled={!targetOf(target)}>
                {t('cycles.participation.openGo', { year: formatFiscalYear(year, lang) })}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
