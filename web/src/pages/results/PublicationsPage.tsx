// Admin: publish a finished processing run of a year, now or at a set time (embargo); supersede the one in
// effect with a public reason; cancel a publication whose time has not come. The history is kept.
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type Publication,
  useCancelPublication,
  usePublications,
  usePublish,
  useRuns,
} from '../../api/results.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { fiscalYearOf, formatDateTime, todayInBangkok } from '../../lib/format.ts';
import { YearSelect } from '../frameworks/YearSelect.tsx';

const STATE_COLOR: Record<Publication['state'], string> = {
  embargoed: 'orange',
  in_effect: 'green',
  superseded: 'gray',
  cancelled: 'red',
};

export default function PublicationsPage() {
  const { lang, t } = useLang();
  const [year, setYear] = useState(() => fiscalYearOf(todayInBangkok()));
  const [runId, setRunId] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const [reason, setReason] = useState('');
  const runs = useRuns(year);
  const publications = usePublications(year);
  const publish = usePublish(year);
  const cancel = useCancelPublication(year);
  const publishable = (runs.data?.items ?? []).filter((r) => r.kind === 'run' && r.status === 'done');
  const inEffect = (publications.data?.items ?? []).some((p) => p.state === 'in_effect');

  const submit = () => {
    if (!runId) return;
    publish.mutate(
      {
        runId,
        ...(publishAt ? { publishAt: new Date(publishAt).toISOString() } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          setRunId(null);
          setPublishAt('');
          setReason('');
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('publications.title')} description={t('publications.intro')} />
      <Stack gap="lg">
        <YearSelect value={year} onChange={setYear} />
        <Paper withBorder p="lg" maw={720}>
          <Stack gap="md">
            <Select
              label={t('publications.run')}
              placeholder={t('publications.pickRun')}
              data={publishable.map((r) => ({
                value: r.id,
                label: `${formatDateTime(r.finishedAt ?? r.createdAt, lang)} · ${r.inputsHash?.slice(0, 12) ?? ''}`,
              }))}
              value={runId}
              onChange={setRunId}
              nothingFoundMessage={t('publications.noRuns')}
            />
            <TextInput
              type="datetime-local"
              label={t('publications.publishAt')}
              description={t('publications.publishAtHint')}
              value={publishAt}
              onChange={(e) => setPublishAt(e.currentTarget.value)}
            />
            <Textarea
              label={t('publications.reason')}
              description={t('publications.reasonHint')}
              required={inEffect}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <ErrorAlert error={publish.error} />
            <Group>
              <Button
                onClick={submit}
                disabled={!runId || (inEffect && !reason.trim())}
                loading={publish.isPending}
              >
                {publishAt ? t('publications.schedule') : t('publications.publishNow')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <ErrorAlert error={publications.error ?? cancel.error} />
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('publications.publishAt')}</Table.Th>
              <Table.Th>{t('publications.state')}</Table.Th>
              <Table.Th>{t('publications.run')}</Table.Th>
              <Table.Th>{t('publications.reason')}</Table.Th>
              <Table.Th>{t('publications.notified')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(publications.data?.items ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDateTime(p.publishAt, lang)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[p.state]} variant="light">
                    {t(`publications.states.${p.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {p.runId.slice(0, 8)}
                  </Text>
                </Table.Td>
                <Table.Td>{p.reason ?? '—'}</Table.Td>
                <Table.Td>{p.notifiedAt ? formatDateTime(p.notifiedAt, lang) : '—'}</Table.Td>
                <Table.Td>
                  {p.state === 'embargoed' && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={cancel.isPending && cancel.variables === p.id}
                      onClick={() => cancel.mutate(p.id)}
                    >
                      {t('publications.cancel')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {publications.data?.items.length === 0 && <Text c="dimmed">{t('publications.none')}</Text>}
      </Stack>
    </>
  );
}
