// The audit checkpoint of the published run (hardening §5): the signed line anyone can keep and check later
// (`prongsai audit verify`), so figures rewritten after publication would show. Until the checkpoint is taken
// (moments after publication) the panel says so.
import { Code, Stack, Text } from '@mantine/core';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import type { Checkpoint, Overview } from './api.ts';
import { PublicSection } from './PublicSection.tsx';

export function CheckpointPanel({
  checkpoint,
  publication,
}: {
  checkpoint: Checkpoint;
  publication: Overview['publication'];
}) {
  const { lang, t } = useLang();
  return (
    <PublicSection id="public-checkpoint" title={t('publicSite.checkpoint.heading')}>
      <Stack gap="xs" data-testid="public-checkpoint">
        <Text size="sm">
          {t('publicSite.checkpoint.published', { at: formatDateTime(publication.publishAt, lang) })}
        </Text>
        {publication.correction && (
          <Text size="sm" c="orange.9">
            {t('publicSite.checkpoint.correction', {
              reason: publication.correction.reason ?? t('publicSite.checkpoint.noReason'),
            })}
          </Text>
        )}
        {checkpoint ? (
          <>
            <Text size="sm">
              {t('publicSite.checkpoint.taken', {
                at: formatDateTime(checkpoint.takenAt, lang),
                seq: formatCount(checkpoint.seq, lang),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('publicSite.checkpoint.how')}
            </Text>
            <Code block className="public-checkpoint" aria-label={t('publicSite.checkpoint.signed')}>
              {checkpoint.signed}
            </Code>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('publicSite.checkpoint.pending')}
          </Text>
        )}
      </Stack>
    </PublicSection>
  );
}
