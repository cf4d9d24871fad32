// The OIT score so far, as the server's scoring engine computes it (item → sub-indicator → indicator →
// instrument), with the counts behind it. Nothing here is computed in the browser.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../api/oit-assessment.ts';
import { StatCard } from '../../../components/StatCard.tsx';
import { SummaryTable } from '../../../components/SummaryTable.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { scoreTitleKey } from './assess-view.ts';

export function ScoreSummary({ assessment: a }: { assessment: Assessment }) {
  const { lang, t } = useLang();
  const score = a.oitScore;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" data-testid="oit-score-title">
          {t(`oitAssess.summary.${scoreTitleKey(a.review.status)}`)}
        </Title>
        {score ? (
          <>
            <Text fz={32} fw={700} lh={1.1} data-testid="oit-score">
              {formatScore(score.score)}
            </Text>
            <Text size="sm" c={score.complete ? undefined : 'orange.8'} data-testid="oit-score-scope">
              {score.complete
                ? t('oitAssess.summary.complete', { scored: score.scoredItems, total: score.applicableItems })
                : t('oitAssess.summary.incomplete', {
                    scored: score.scoredItems,
                    total: score.applicableItems,
                  })}
            </Text>
            {a.indicators.length > 1 && (
              <SummaryTable
                label={t('oitAssess.summary.byIndicator')}
                head={[t('oitAssess.summary.indicator'), t('oitAssess.summary.score')]}
                rows={a.indicators.map((i) => ({
                  key: i.code,
                  label: pick(i.name, lang),
                  value: formatScore(score.indicators[i.code]),
                }))}
                valueAlign="right"
                minWidth={280}
              />
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('oitAssess.summary.hidden')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <StatCard
            label={t('oitAssess.summary.approved')}
            value={a.counts.approved}
            hint={t('oitAssess.summary.ofApplicable', { total: a.counts.applicable })}
          />
          <StatCard label={t('oitAssess.summary.scored')} value={a.counts.scored} />
          <StatCard label={t('oitAssess.summary.disputed')} value={a.counts.disputed} />
          <StatCard label={t('oitAssess.summary.undecided')} value={a.counts.undecided} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
