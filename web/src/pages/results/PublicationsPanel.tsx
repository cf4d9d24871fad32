// Publish a finished processing run of the year, now or at a set time (embargo); supersede the one in effect
// with a public reason; cancel a publication whose time has not come. The history is kept and downloadable.
// The last step of the processing screen (ProcessingPage).
import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  type Publication,
  type Run,
  useCancelPublication,
  usePublications,
  usePublish,
} from '../../api/results.ts';
import { DownloadXlsxButton } from '../../components/DownloadXlsxButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { XlsxColumn } from '../../lib/xlsx.ts';
import { shortHash } from './run-view.ts';

const STATE_COLOR: Record<Publication['state'], string> = {
  embargoed: 'orange',
  in_effect: 'green',
  superseded: 'gray',
  cancelled: 'red',
};

export function PublicationsPanel({
  year,
  runs,
  runId,
  onRunChange,
}: {
  year: number;
  runs: readonly Run[];
  /** The run to publish (the one opened on the screen, when publishable). */
  runId: string | null;
  onRunChange: (id: string | null) => void;
}) {
  const { lang, t } = useLang();
  const [publishAt, setPublishAt] = useState('');
  const [reason, setReason] = useState('');
  const publications = usePublications(year);
  const publish = usePublish(year);
  const cancel = useCancelPublication(year);
  const publishable = runs.filter((r) => r.kind === 'run' && r.status === 'done');
  const chosen = publishable.some((r) => r.id === runId) ? runId : null;
  const inEffect = (publications.data?.items ?? []).some((p) => p.state === 'in_effect');
  const runLabel = (id: string) => {
    const r = runs.find((x) => x.id === id);
    return r
      ? `${formatDateTime(r.finishedAt ?? r.createdAt, lang)} · ${shortHash(r.inputsHash)}`
      : id.slice(0, 8);
  };

  const submit = () => {
    if (!chosen) return;
    publish.mutate(
      {
        runId: chosen,
        ...(publishAt ? { publishAt: new Date(publishAt).toISOString() } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          setPublishAt('');
          setReason('');
        },
      },
    );
  };

  const items = publications.data?.items ?? [];
  const columns: XlsxColumn<Publication>[] = [
    { header: t('publications.publishAt'), value: (p) => formatDateTime(p.publishAt, lang) },
    { header: t('publications.state'), value: (p) => t(`publications.states.${p.state}`) },
    { header: t('publications.run'), value: (p) => runLabel(p.runId) },
    { header: t('publications.reason'), value: (p) => p.reason ?? '' },
    {
      header: t('publications.notified'),
      value: (p) => (p.notifiedAt ? formatDateTime(p.notifiedAt, lang) : ''),
    },
  ];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('publications.intro')}
      </Text>
      <Paper withBorder p="md" maw={720}>
        <Stack gap="md">
          <Select
            label={t('publications.run')}
            placeholder={t('publications.pickRun')}
            data={publishable.map((r) => ({ value: r.id, label: runLabel(r.id) }))}
            value={chosen}
            onChange={onRunChange}
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
          {publish.isSuccess && (
            <Text size="sm" c="green.8" role="status">
              {t(`publications.states.${publish.data.state}`)}
            </Text>
          )}
          <Group>
            <Button
              onClick={submit}
              disabled={!chosen || (inEffect && !reason.trim())}
              loading={publish.isPending}
            >
              {publishAt ? t('publications.schedule') : t('publications.publishNow')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={3} size="h5">
        {t('processing.publications.history')}
      </Title>
      <ErrorAlert error={publications.error ?? cancel.error} />
      {items.length === 0 ? (
        <Text c="dimmed">{t('publications.none')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder aria-label={t('processing.publications.history')}>
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
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{formatDateTime(p.publishAt, lang)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[p.state]} variant="light">
                        {t(`publications.states.${p.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{runLabel(p.runId)}</Text>
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
          </Table.ScrollContainer>
          <Group>
            <DownloadXlsxButton
              fileName={t('processing.publications.file', { year })}
              sheetName={t('processing.publications.sheet')}
              columns={columns}
              rows={items}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
