// A saved score as others see it (or the assessor once it can no longer change): components found, the
// score, comment and advice.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { AssessmentItem, ItemScore } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';

export function ScoreView({ item, score }: { item: AssessmentItem; score: ItemScore }) {
  const { lang, t } = useLang();
  const found = new Set(score.componentsFound);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>{t('oitAssess.score.result')}</Text>
        <Badge color={score.score === 100 ? 'green' : 'red'} variant="light">
          {t('oitAssess.score.points', { score: score.score })}
        </Badge>
        {score.originalScore !== null && score.originalScore !== score.score && (
          <Text size="sm" c="dimmed">
            {t('oitAssess.score.original', { score: score.originalScore })}
          </Text>
        )}
      </Group>
      <List size="sm" spacing={2}>
        {item.components.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: components are identified by their position
          <List.Item key={i}>
            {t(found.has(i) ? 'oitAssess.score.found' : 'oitAssess.score.notFound', {
              n: i + 1,
              text: pick(c, lang),
            })}
          </List.Item>
        ))}
      </List>
      {score.comment && <Text size="sm">{t('oitAssess.score.commentIs', { text: score.comment })}</Text>}
      {score.advice && <Text size="sm">{t('oitAssess.score.adviceIs', { text: score.advice })}</Text>}
      <Text size="xs" c="dimmed">
        {t('oitAssess.score.savedBy', {
          who: score.assessor?.displayName ?? '–',
          when: formatDateTime(score.updatedAt, lang),
        })}
      </Text>
    </Stack>
  );
}
