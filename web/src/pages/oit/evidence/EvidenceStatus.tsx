// The result of checking an item's evidence URLs, one line per URL: reachable / broken / check failed /
// checking, the HTTP status, whether the page mentions the fiscal year, a warning when it is not on the
// agency's main website, when it was checked (Buddhist era), and why a check failed.
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { evidenceBodyUrl, type SnapshotSummary } from '../../../api/evidence.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { copyDisplay, errorMessage, formatBytes, statusPerUrl, VERDICT_COLORS } from './evidence-view.ts';

export interface EvidenceStatusProps {
  /** Snapshots of one URL or of one item's URLs, in any order (the newest result per URL is shown). */
  snapshots: readonly SnapshotSummary[];
  /** Show the URL above each result (off when the caller already shows it). */
  showUrl?: boolean;
  /** Offer "check again" (the caller decides who may: the server's evidence.refetch rule). */
  onRefetch?: () => void;
  refetching?: boolean;
}

export function EvidenceStatus({ snapshots, showUrl = true, onRefetch, refetching }: EvidenceStatusProps) {
  const { t } = useLang();
  const lines = statusPerUrl(snapshots);
  return (
    <Stack gap="xs" aria-label={t('evidence.statusLabel')}>
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('evidence.none')}
        </Text>
      )}
      {lines.map((line) => (
        <SnapshotLine key={line.url} snapshot={line.current} rechecking={line.rechecking} showUrl={showUrl} />
      ))}
      {onRefetch && lines.length > 0 && (
        <Group>
          <Button size="xs" variant="default" onClick={onRefetch} loading={refetching}>
            {t('evidence.refetch')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function SnapshotLine({
  snapshot: s,
  rechecking = false,
  showUrl = true,
}: {
  snapshot: SnapshotSummary;
  rechecking?: boolean;
  showUrl?: boolean;
}) {
  const { lang, t } = useLang();
  const error = s.lastError ? errorMessage(s.lastError) : null;
  const copy = copyDisplay(s);
  return (
    <Stack gap={2}>
      {showUrl && (
        <Anchor
          href={s.url}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {s.url}
        </Anchor>
      )}
      <Group gap={4}>
        <Badge size="sm" variant="light" color={VERDICT_COLORS[s.verdict]}>
          {t(`evidence.verdict.${s.verdict}`)}
          {s.httpStatus !== null ? ` · ${t('evidence.httpStatus', { status: s.httpStatus })}` : ''}
        </Badge>
        {rechecking && (
          <Badge size="sm" variant="outline" color="gray">
            {t('evidence.rechecking')}
          </Badge>
        )}
        {s.mentionsYear !== null && (
          <Badge size="sm" variant="outline" color={s.mentionsYear ? 'green' : 'orange'}>
            {t(s.mentionsYear ? 'evidence.mentionsYear' : 'evidence.noYear')}
          </Badge>
        )}
        {s.onMainDomain === false && (
          <Badge size="sm" variant="outline" color="orange">
            {t('evidence.offDomain')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {s.fetchedAt
          ? t('evidence.checkedAt', { when: formatDateTime(s.fetchedAt, lang) })
          : t('evidence.queuedAt', { when: formatDateTime(s.requestedAt, lang) })}
        {s.sizeBytes !== null ? ` · ${t('evidence.size', { size: formatBytes(s.sizeBytes) })}` : ''}
        {s.truncated ? ` · ${t('evidence.truncated')}` : ''}
      </Text>
      {s.title && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('evidence.pageTitle', { title: s.title })}
        </Text>
      )}
      {s.finalUrl && s.finalUrl !== s.url && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('evidence.finalUrl', { url: s.finalUrl })}
        </Text>
      )}
      {error && s.verdict !== 'reachable' && (
        <Text size="xs" c={s.verdict === 'pending' ? 'dimmed' : 'red'}>
          {t(error.key, error.values)}
          {s.verdict === 'pending' ? ` · ${t('evidence.attempts', { n: s.attempts })}` : ''}
        </Text>
      )}
      {copy === 'download' && (
        <Anchor href={evidenceBodyUrl(s.id)} download size="xs">
          {t('evidence.downloadCopy')}
        </Anchor>
      )}
      {copy === 'frame' && (
        <Anchor href={evidenceBodyUrl(s.id)} target="_blank" rel="noopener" size="xs">
          {t('evidence.openCopy')}
        </Anchor>
      )}
    </Stack>
  );
}
