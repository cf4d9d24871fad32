// Extensions of a year: NACC extends one stage for one agency, a province, an agency type or everyone (the
// same day and reason for all, confirmed first); everyone who sees the page reads the extensions in scope.
import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EXTENSION_REASON_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { useAgencyDetails } from '../../api/agencies.ts';
import { type CycleCalendar, useExtendMany } from '../../api/cycles.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDate, formatDateTime } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { emptyTarget, type TargetDraft, TargetFields, targetOf, useTargetWords } from './TargetFields.tsx';

type Extension = CycleCalendar['extensions'][number];

export function CycleExtensions({ cycle, canExtend }: { cycle: CycleCalendar; canExtend: boolean }) {
  return (
    <Stack gap="lg">
      {canExtend && cycle.frameworkLoaded && !cycle.closure && <ExtendForm cycle={cycle} />}
      <ExtensionList cycle={cycle} scoped={!canExtend} />
    </Stack>
  );
}

function ExtendForm({ cycle }: { cycle: CycleCalendar }) {
  const { lang, t } = useLang();
  const extend = useExtendMany(cycle.year);
  const words = useTargetWords();
  const [target, setTarget] = useState<TargetDraft>(emptyTarget);
  const [stage, setStage] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const agencyName = useAgencyDetails(target.agencyId ? [target.agencyId] : [])[0]?.data;
  const chosenStage = cycle.stages.find((s) => s.code === stage);
  const chosen = targetOf(target);
  const ready = chosen !== null && chosenStage !== undefined && endsOn !== '' && reason.trim() !== '';

  const run = () => {
    if (!chosen || !stage) return;
    extend.mutate(
      { target: chosen, stage, endsOn, reason: reason.trim() },
      {
        onSuccess: (r) => {
          setAsking(false);
          setReason('');
          notifications.show({
            color: 'green',
            message: t('cycles.extend.done', { n: formatCount(r.extended, lang) }),
          });
        },
        onError: () => setAsking(false),
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-extend">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) setAsking(true);
        }}
      >
        <Title order={2} size="h4" id="cycle-extend">
          {t('cycles.extend.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cycles.extend.hint')}
        </Text>
        <TargetFields value={target} onChange={setTarget} idPrefix="extend" />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('cycles.extend.stage')}
            data={cycle.stages.map((s) => ({ value: s.code, label: pick(s.name, lang) }))}
            value={stage}
            onChange={setStage}
            required
            miw={200}
          />
          <TextInput
            type="date"
            label={t('cycles.extend.endsOn')}
            description={
              chosenStage
                ? t('cycles.extend.endsOnHint', { date: formatDate(chosenStage.end, lang) })
                : undefined
            }
            value={endsOn}
            min={chosenStage?.end}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            required
            miw={180}
          />
        </Group>
        <Textarea
          label={t('cycles.extend.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={EXTENSION_REASON_MAX_LENGTH}
          autosize
          minRows={2}
          required
        />
        <ErrorAlert error={extend.error} />
        <Group>
          <Button type="submit" disabled={!ready}>
            {t('cycles.extend.go')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('cycles.extend.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text>
            {t('cycles.extend.confirmBody', {
              stage: chosenStage ? pick(chosenStage.name, lang) : '',
              date: endsOn ? formatDate(endsOn, lang) : '',
              target: words(target, agencyName ? pickName(agencyName, lang) : null),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('cycles.extend.cancel')}
            </Button>
            <Button onClick={run} loading={extend.isPending} data-autofocus>
              {t('cycles.extend.go')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function ExtensionList({ cycle, scoped }: { cycle: CycleCalendar; scoped: boolean }) {
  const { lang, t } = useLang();
  const stageName = (code: string) => {
    const s = cycle.stages.find((x) => x.code === code);
    return s ? pick(s.name, lang) : code;
  };
  const columns = [
    {
      header: t('cycles.extensions.agency'),
      value: (e: Extension) => `${pickName(e.agency, lang)} (${e.agency.code})`,
    },
    { header: t('cycles.extensions.stage'), value: (e: Extension) => stageName(e.stage) },
    { header: t('cycles.extensions.endsOn'), value: (e: Extension) => formatDate(e.endsOn, lang) },
    { header: t('cycles.extensions.reason'), value: (e: Extension) => e.reason },
    { header: t('cycles.extensions.grantedBy'), value: (e: Extension) => e.grantedBy?.displayName ?? '–' },
    { header: t('cycles.extensions.grantedAt'), value: (e: Extension) => formatDateTime(e.grantedAt, lang) },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cycle-extensions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cycle-extensions">
          {t('cycles.extensions.title')}
        </Title>
        {scoped && (
          <Text size="sm" c="dimmed">
            {t('cycles.extensions.scoped')}
          </Text>
        )}
        {cycle.extensions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cycles.extensions.none')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="cycle-extensions">
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Th key={c.header}>{c.header}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cycle.extensions.map((e) => (
                    <Table.Tr key={`${e.agency.id}:${e.stage}`}>
                      {columns.map((c) => (
                        <Table.Td key={c.header}>{c.value(e)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {cycle.extensionsTotal > cycle.extensions.length && (
              <Text size="sm" c="dimmed">
                {t('cycles.extensions.more', {
                  shown: cycle.extensions.length,
                  total: cycle.extensionsTotal,
                })}
              </Text>
            )}
            <DownloadXlsxButton
              fileName={`extensions-${cycle.year}.xlsx`}
              sheetName={t('cycles.extensions.sheet')}
              columns={columns}
              rows={cycle.extensions}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
