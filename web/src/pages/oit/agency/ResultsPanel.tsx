// The assessor's results as the agency sees them once the assessment is submitted: the OIT score (final once
// confirmed) and per item the score, which components were found, the comment and the advice; items scored 0
// may get one clarification each during the clarification window.
import { Accordion, Alert, Badge, Button, Chip, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Assessment, AssessmentItem } from '../../../api/oit.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime, formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { ClarificationPanel } from '../shared/Clarification.tsx';
import { badgeWrap, decisionColor } from './oit-view.ts';

export function ResultsPanel({
  assessment: a,
  error,
  loading,
  onHistory,
}: {
  assessment: Assessment | undefined;
  error: unknown;
  loading: boolean;
  onHistory: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const [zerosOnly, setZerosOnly] = useState(false);
  if (loading) return <Loading />;
  if (!a) return <ErrorAlert error={error} />;
  if (!a.scoresVisible)
    return <EmptyState title={t('oit.results.notYet')} hint={t('oit.results.notYetHint')} />;
  const confirmed = a.review.status === 'confirmed';
  const zeros = a.indicators.flatMap((i) => i.subIndicators.flatMap((s) => s.items)).filter(isZero);

  return (
    <Stack gap="lg" component="section" aria-labelledby="oit-results-title">
      <Title order={2} size="h4" id="oit-results-title">
        {t('oit.results.title')}
      </Title>
      <Paper withBorder p="md" data-testid="oit-score">
        <Text size="sm" c="dimmed">
          {confirmed ? t('oit.results.finalScore') : t('oit.results.score')}
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          {formatScore(a.oitScore?.score)}
        </Text>
        <Text size="xs" c="dimmed">
          {confirmed && a.review.confirmedAt
            ? t('oit.results.confirmedAt', { date: formatDateTime(a.review.confirmedAt, lang) })
            : t('oit.results.notFinal')}
        </Text>
      </Paper>
      {zeros.length > 0 && (
        <Alert color="yellow" title={t('oit.results.zerosTitle', { n: zeros.length })}>
          {zeros.some((i) => i.can.clarify) ? t('oit.results.zerosClarify') : t('oit.results.zerosInfo')}
        </Alert>
      )}
      <Chip checked={zerosOnly} onChange={setZerosOnly} size="sm" w="fit-content">
        {t('oit.results.zerosOnly')}
      </Chip>
      {a.indicators.map((ind) => {
        const subs = ind.subIndicators
          .map((s) => ({ ...s, items: s.items.filter((i) => !zerosOnly || isZero(i)) }))
          .filter((s) => s.items.length > 0);
        if (subs.length === 0) return null;
        return (
          <Stack key={ind.code} gap="sm">
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5">
                {ind.code} · {pick(ind.name, lang)}
              </Title>
              {a.oitScore?.indicators[ind.code] !== undefined && (
                <Text size="sm" c="dimmed">
                  {t('oit.results.indicatorScore', { score: formatScore(a.oitScore.indicators[ind.code]) })}
                </Text>
              )}
            </Group>
            {subs.map((s) => (
              <Stack key={s.code} gap="xs">
                <Text size="sm" fw={600}>
                  {s.code} · {pick(s.name, lang)}
                  {a.oitScore?.subIndicators[s.code] !== undefined &&
                    ` · ${formatScore(a.oitScore.subIndicators[s.code])}`}
                </Text>
                <Accordion multiple variant="separated" order={4}>
                  {s.items.map((item) => (
                    <ResultItem
                      key={item.code}
                      item={item}
                      agencyId={a.agency.id}
                      year={a.year}
                      onHistory={onHistory}
                    />
                  ))}
                </Accordion>
              </Stack>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

const isZero = (i: AssessmentItem) => i.score?.score === 0;

function ResultItem({
  item,
  agencyId,
  year,
  onHistory,
}: {
  item: AssessmentItem;
  agencyId: string;
  year: number;
  onHistory: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const s = item.score;
  const found = new Set(s?.componentsFound ?? []);
  const decision = item.clarification?.decision;
  return (
    <Accordion.Item value={item.code} data-testid={`oit-result-${item.code}`}>
      <Accordion.Control>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {item.code} · {pick(item.title, lang)}
          </Text>
          <Group gap={6}>
            <Badge color={!s ? 'gray' : s.score === 100 ? 'green' : 'red'} variant="filled" size="sm">
              {s ? t('oit.results.points', { score: s.score }) : t('oit.results.unscored')}
            </Badge>
            {s?.originalScore !== null && s?.originalScore !== undefined && s.originalScore !== s.score && (
              <Badge color="grape" variant="light" size="sm" styles={badgeWrap}>
                {t('oit.results.changedFrom', { score: s.originalScore })}
              </Badge>
            )}
            {item.clarification && (
              <Badge variant="light" size="sm" color={decisionColor(decision)} styles={badgeWrap}>
                {t(`oit.clarify.status.${decision ?? 'pending'}`)}
              </Badge>
            )}
          </Group>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {item.components.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('oit.results.components')}
              </Text>
              <List size="sm" spacing={2}>
                {item.components.map((c, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: components are identified by position
                  <List.Item key={n}>
                    <Text span c={found.has(n) ? 'green.8' : 'red.8'} fw={600}>
                      {found.has(n) ? t('oit.results.found') : t('oit.results.notFound')}
                    </Text>{' '}
                    {n + 1}. {pick(c, lang)}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {s?.comment && (
            <div>
              <Text size="sm" fw={600}>
                {t('oit.results.comment')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.comment}
              </Text>
            </div>
          )}
          {s?.advice && (
            <Alert color="blue" variant="light" title={t('oit.results.advice')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.advice}
              </Text>
            </Alert>
          )}
          {(item.clarification || item.can.clarify) && (
            <ClarificationPanel item={item} agencyId={agencyId} year={year} side="agency" />
          )}
          {!item.clarification && !item.can.clarify && s?.score === 0 && (
            <Text size="xs" c="dimmed">
              {t('oit.clarify.notNow')}
            </Text>
          )}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => onHistory(item.code)}
              aria-label={t('oit.history.openFor', { code: item.code })}
            >
              {t('oit.history.open')}
            </Button>
          </Group>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
