// The agency-year's sample: prerequisites and the draw (confirmed, once a year), then the contacts with their
// call status, the reserves released so far, and the reproducibility check.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import {
  type SampleContact,
  type SampleView,
  useDrawSample,
  useSample,
  useVerifySample,
} from '../../api/interviews.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { formatPhone, phoneHref } from '../../lib/phone.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Props {
  agencyId: string;
  year: number;
  onCall(contact: SampleContact): void;
}

export function SamplePanel({ agencyId, year, onCall }: Props) {
  const { lang, t } = useLang();
  const view = useSample(agencyId, year);
  const draw = useDrawSample(agencyId, year);
  const [confirming, setConfirming] = useState(false);

  if (!view.data) return queryFallback(view);
  const { prerequisites: pre, sample } = view.data;
  const ready = pre.contacts > 0 && pre.minimum !== null;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Figure label={t('interviews.sample.contacts')} value={formatCount(pre.contacts, lang)} />
        <Figure
          label={t('interviews.sample.population')}
          value={pre.eitPopulation === null ? '–' : formatCount(pre.eitPopulation, lang)}
        />
        <Figure
          label={t('interviews.sample.minimum')}
          value={pre.minimum === null ? '–' : formatCount(pre.minimum, lang)}
        />
      </SimpleGrid>
      {!sample && (
        <Stack gap="sm">
          {pre.eitPopulation === null && (
            <Alert color="yellow">{t('interviews.sample.needPopulation')}</Alert>
          )}
          {pre.contacts === 0 && <Alert color="yellow">{t('interviews.sample.needContacts')}</Alert>}
          <ErrorAlert error={draw.error} />
          <Group>
            <Button onClick={() => setConfirming(true)} disabled={!ready}>
              {t('interviews.sample.draw')}
            </Button>
          </Group>
        </Stack>
      )}
      {sample && <SampleTable agencyId={agencyId} year={year} sample={sample} onCall={onCall} />}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('interviews.sample.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t('interviews.sample.confirmText', {
              size: formatCount(pre.minimum ?? 0, lang),
              contacts: formatCount(pre.contacts, lang),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('interviews.cancel')}
            </Button>
            <Button
              loading={draw.isPending}
              onClick={() => draw.mutate(undefined, { onSettled: () => setConfirming(false) })}
            >
              {t('interviews.sample.confirmDraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function SampleTable({
  agencyId,
  year,
  sample,
  onCall,
}: Props & { sample: NonNullable<SampleView['sample']> }) {
  const { lang, t } = useLang();
  const verify = useVerifySample(agencyId, year);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text size="sm">
            {t('interviews.sample.summary', {
              size: formatCount(sample.size, lang),
              reserves: formatCount(sample.reserveCount, lang),
              released: formatCount(sample.releasedReserves, lang),
            })}
          </Text>
          <Text size="sm">
            {t('interviews.sample.progress', {
              approved: formatCount(sample.progress.approved, lang),
              size: formatCount(sample.size, lang),
              waiting: formatCount(sample.progress.awaitingReview, lang),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('interviews.sample.drawnBy', {
              when: formatDateTime(sample.drawnAt, lang),
              who: sample.drawnBy?.displayName ?? '–',
            })}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('interviews.sample.seed', { seed: sample.seed, algorithm: sample.algorithm })}
          </Text>
          <Group gap="sm" mt="xs">
            <Button size="xs" variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('interviews.sample.verify')}
            </Button>
            {verify.data && (
              <Badge color={verify.data.matches ? 'green' : 'red'} variant="light" role="status">
                {verify.data.matches ? t('interviews.sample.verified') : t('interviews.sample.mismatch')}
              </Badge>
            )}
          </Group>
          <ErrorAlert error={verify.error} />
        </Stack>
      </Paper>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder aria-label={t('interviews.sample.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('interviews.sample.order')}</Table.Th>
              <Table.Th scope="col">{t('interviews.contact.name')}</Table.Th>
              <Table.Th scope="col">{t('interviews.contact.reach')}</Table.Th>
              <Table.Th scope="col">{t('interviews.status.label')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.role === 'selected'
                    ? t('interviews.sample.selectedN', { n: c.position })
                    : t('interviews.sample.reserveN', { n: c.position })}
                  {c.role === 'reserve' && (
                    <Badge ml="xs" size="sm" variant="light" color={c.usable ? 'blue' : 'gray'}>
                      {c.usable ? t('interviews.sample.released') : t('interviews.sample.notReleased')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">{c.contact?.name ?? t('interviews.sample.removed')}</Text>
                    {c.contact && (
                      <Text size="xs" c="dimmed">
                        {c.contact.relation}
                      </Text>
                    )}
                    {c.usable && c.status === 'not_called' && c.contact && (
                      <Button
                        size="xs"
                        onClick={() => onCall(c)}
                        aria-label={t('interviews.sample.callLabel', { name: c.contact.name })}
                      >
                        {t('interviews.sample.call')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {c.contact?.phone && (
                      <Anchor href={phoneHref(c.contact.phone)} style={{ whiteSpace: 'nowrap' }}>
                        {formatPhone(c.contact.phone)}
                      </Anchor>
                    )}
                    {c.contact?.email && <Text size="sm">{c.contact.email}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                  {c.interviews.some((i) => i.status === 'entered') && (
                    <Badge ml="xs" size="sm" variant="outline" color="orange">
                      {t('interviews.status.awaitingReview')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
