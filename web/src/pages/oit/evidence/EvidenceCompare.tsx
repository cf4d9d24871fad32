// The original evidence beside the live page: the copy kept when the executive approved, shown in a frame
// with every sandbox restriction (no scripts, no forms, its own origin; the server adds a CSP that blocks
// every outside request), and a link to the page as it is now (live pages refuse to be framed, and should:
// they are someone else's site).
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { evidenceBodyUrl, type SnapshotSummary } from '../../../api/evidence.ts';
import { useLang } from '../../../i18n/index.ts';
import { SnapshotLine } from './EvidenceStatus.tsx';
import { copyDisplay } from './evidence-view.ts';

export interface EvidenceCompareProps {
  /** The URL the agency gave. */
  url: string;
  /** The snapshot taken at approval ('approval' purpose), or null when there is none. */
  original: SnapshotSummary | null;
  /** The newest check of the live page, when the caller has it. */
  latest?: SnapshotSummary | null;
  /** Height of the copy's frame in pixels. */
  frameHeight?: number;
  /** Level of the two panels' headings: one below the heading of the section the comparison sits in. */
  headingOrder?: 2 | 3 | 4 | 5 | 6;
}

export function EvidenceCompare({
  url,
  original,
  latest,
  frameHeight = 420,
  headingOrder = 3,
}: EvidenceCompareProps) {
  const { t } = useLang();
  const display = original ? copyDisplay(original) : 'none';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={headingOrder} size="h6">
            {t('evidence.original')}
          </Title>
          {!original && (
            <Text size="sm" c="dimmed">
              {t('evidence.noOriginal')}
            </Text>
          )}
          {original && <SnapshotLine snapshot={original} showUrl={false} />}
          {original && display === 'frame' && (
            <>
              <iframe
                sandbox=""
                src={evidenceBodyUrl(original.id)}
                title={t('evidence.copyFrameTitle', { url })}
                loading="lazy"
                referrerPolicy="no-referrer"
                style={{
                  width: '100%',
                  height: frameHeight,
                  border: '1px solid var(--mantine-color-gray-4)',
                  background: 'white',
                }}
              />
              <Text size="xs" c="dimmed">
                {t('evidence.copyNote')}
              </Text>
            </>
          )}
          {original && display === 'none' && (
            <Text size="sm" c="dimmed">
              {t('evidence.noCopy')}
            </Text>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={headingOrder} size="h6">
            {t('evidence.live')}
          </Title>
          <Anchor
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {t('evidence.openLive')}: {url}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('evidence.liveNote')}
          </Text>
          {latest && <SnapshotLine snapshot={latest} showUrl={false} />}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
