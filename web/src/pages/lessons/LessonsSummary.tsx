// The scope's headline figures against its targets (the framework's national share at its pass mark, and
// the scope's own target: seed 000's 89 points for 100 % of agencies), and the editor of the own target.
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type Lessons, useSetTarget } from '../../api/lessons.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { Section } from './LessonsTables.tsx';
import { percentOf } from './lessons-view.ts';

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Met({ met }: { met: boolean | null }) {
  const { t } = useLang();
  if (met === null) return null;
  return (
    <Text span fw={600} c={met ? 'green.8' : 'red.8'}>
      <span aria-hidden>{met ? '✓ ' : '✗ '}</span>
      {t(met ? 'lessons.target.met' : 'lessons.target.notMet')}
    </Text>
  );
}

export function LessonsSummary({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  const { summary, targets } = l;
  const last = summary.lastYear;
  return (
    <Section id="lessons-summary" title={t('lessons.summary.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure
          label={t('lessons.summary.agencies')}
          value={String(summary.agencies)}
          testId="lessons-agencies"
        />
        <Figure
          label={t('lessons.summary.mean')}
          value={formatScore(summary.mean)}
          note={t('lessons.summary.lastYearMean', { year: last.year, mean: formatScore(last.mean) })}
        />
        <Figure
          label={t('lessons.summary.passing', { mark: l.framework.passThreshold })}
          value={`${summary.passing} (${percentOf(summary.share)}%)`}
          note={t('lessons.summary.lastYearShare', { year: last.year, share: percentOf(last.share) })}
        />
        <Figure
          label={t('lessons.summary.lastYearAgencies', { year: last.year })}
          value={String(last.agencies)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
        <Paper withBorder p="sm" radius="md" data-testid="lessons-national-target">
          <Text size="sm" c="dimmed">
            {t('lessons.target.national')}
          </Text>
          {targets.national ? (
            <Text>
              {t('lessons.target.reading', {
                threshold: targets.national.threshold,
                target: percentOf(targets.national.targetShare),
                reached: targets.national.reached,
                share: percentOf(targets.national.share),
              })}{' '}
              <Met met={targets.national.met} />
            </Text>
          ) : (
            <Text c="dimmed">{t('lessons.target.noNational')}</Text>
          )}
        </Paper>
        <Paper withBorder p="sm" radius="md" data-testid="lessons-own-target">
          <Text size="sm" c="dimmed">
            {t('lessons.target.own', { scope: pick(l.scope.name, lang) })}
          </Text>
          {targets.own ? (
            <Text>
              {t('lessons.target.reading', {
                threshold: targets.own.threshold,
                target: percentOf(targets.own.targetShare),
                reached: targets.own.reached,
                share: percentOf(targets.own.share),
              })}{' '}
              <Met met={targets.own.met} />
            </Text>
          ) : (
            <Text c="dimmed">{t('lessons.target.none')}</Text>
          )}
        </Paper>
      </SimpleGrid>
    </Section>
  );
}

/** Seed 000's target, offered when the scope has none yet. */
const SEED_TARGET = { threshold: 89, percent: 100 };

export function TargetEditor({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  const save = useSetTarget(l.year);
  const own = l.targets.own;
  const [threshold, setThreshold] = useState<number | string>(own?.threshold ?? SEED_TARGET.threshold);
  const [percent, setPercent] = useState<number | string>(
    own ? Math.round(own.targetShare * 10_000) / 100 : SEED_TARGET.percent,
  );
  useEffect(() => {
    if (own) {
      setThreshold(own.threshold);
      setPercent(Math.round(own.targetShare * 10_000) / 100);
    }
  }, [own]);
  const valid = typeof threshold === 'number' && typeof percent === 'number';
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      mt="md"
      className="no-print"
      component="form"
      aria-labelledby="lessons-target-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save.mutate({ scope: l.scope.key, threshold, share: percent / 100 });
      }}
    >
      <Text fw={600} id="lessons-target-editor" mb="xs">
        {t('lessons.target.editTitle', { scope: pick(l.scope.name, lang) })}
      </Text>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('lessons.target.threshold')}
          min={0}
          max={100}
          decimalScale={2}
          value={threshold}
          onChange={setThreshold}
          w={180}
        />
        <NumberInput
          label={t('lessons.target.percent')}
          min={0}
          max={100}
          decimalScale={2}
          value={percent}
          onChange={setPercent}
          w={220}
        />
        <Button type="submit" loading={save.isPending} disabled={!valid}>
          {t('lessons.target.save')}
        </Button>
      </Group>
      {save.isSuccess && (
        <Alert color="green" variant="light" mt="sm" role="status">
          {t('lessons.target.saved')}
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </Paper>
  );
}
