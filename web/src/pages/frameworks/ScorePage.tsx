// Score calculator: indicator (or instrument) scores → instrument scores, total and rating, by the year's
// framework (POST /api/frameworks/:year/score); and the minimum sample for a population.
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type Framework,
  latestYear,
  type ScoreOutput,
  useFramework,
  useFrameworks,
  useScore,
} from '../../api/frameworks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SummaryTable } from '../../components/SummaryTable.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { MinSampleCard } from './MinSampleCard.tsx';
import { type ScoreMode, toScoreBody } from './score-input.ts';
import { YearSelect } from './YearSelect.tsx';

function ScoreResultCard({ result, framework }: { result: ScoreOutput; framework: Framework }) {
  const { lang, t } = useLang();
  // Whether a rating passes is the framework's rule, not ours.
  const passes = framework.rating.rules.find((r) => r.code === result.rating.code)?.passes ?? false;
  return (
    <Paper withBorder p="md" aria-live="polite" role="status">
      <Stack gap="sm">
        <Group gap="md" align="baseline">
          <Text size="sm" c="dimmed">
            {t('score.total')}
          </Text>
          <Text fz={32} fw={600} data-testid="score-total">
            {formatScore(result.total)}
          </Text>
          <Badge size="lg" color={passes ? 'green' : 'red'} variant="light" data-testid="score-rating">
            {lang === 'en' && result.rating.en ? result.rating.en : result.rating.th}
          </Badge>
        </Group>
        <SummaryTable
          label={t('score.byInstrument')}
          head={[t('frameworks.instruments.instrument'), t('score.score')]}
          rows={Object.entries(result.instruments).map(([code, score]) => ({
            key: code,
            label: code,
            value: score === null ? t('score.notProcessed') : formatScore(score),
          }))}
          valueAlign="right"
        />
      </Stack>
    </Paper>
  );
}

export default function ScorePage() {
  const { lang, t } = useLang();
  const [search, setSearch] = useSearchParams();
  const list = useFrameworks();
  const year = Number(search.get('year')) || latestYear(list.data);
  const detail = useFramework(year);
  const score = useScore(year ?? 0);
  const [mode, setMode] = useState<ScoreMode>('indicators');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ missing: string[]; outOfRange: string[] } | null>(null);
  const framework = detail.data?.framework;

  const codes =
    mode === 'indicators'
      ? (framework?.indicators.map((i) => i.code) ?? [])
      : (framework?.instruments.map((i) => i.code) ?? []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toScoreBody(mode, codes, values);
    if (!r.ok) {
      setProblem({ missing: r.missing, outOfRange: r.outOfRange });
      return;
    }
    setProblem(null);
    score.mutate(r.body);
  };

  return (
    <>
      <PageHeader
        title={t('score.title')}
        description={t('score.intro')}
        actions={
          <YearSelect
            value={year}
            onChange={(y) => {
              setSearch({ year: String(y) });
              setValues({});
              score.reset();
            }}
          />
        }
      />
      {(list.isPending || detail.isPending) && <Loading />}
      <ErrorAlert error={list.error ?? detail.error} />
      {framework && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('score.enter')}
              </Title>
              <SegmentedControl
                aria-label={t('score.mode')}
                value={mode}
                onChange={(v) => {
                  setMode(v === 'instruments' ? 'instruments' : 'indicators');
                  setValues({});
                  setProblem(null);
                  score.reset();
                }}
                data={[
                  { value: 'indicators', label: t('score.byIndicators') },
                  { value: 'instruments', label: t('score.byInstruments') },
                ]}
              />
              {mode === 'indicators'
                ? framework.indicators.map((ind) => (
                    <TextInput
                      key={ind.code}
                      inputMode="decimal"
                      label={`${t('frameworks.indicator', { code: ind.code })} ${pick(ind.name, lang)}`}
                      value={values[ind.code] ?? ''}
                      onChange={(e) => setValues({ ...values, [ind.code]: e.currentTarget.value })}
                      error={problem?.outOfRange.includes(ind.code) ? t('score.range') : undefined}
                    />
                  ))
                : framework.instruments.map((inst) => (
                    <TextInput
                      key={inst.code}
                      inputMode="decimal"
                      label={`${inst.code} ${pick(inst.name, lang)} (${inst.weight}%)`}
                      value={values[inst.code] ?? ''}
                      onChange={(e) => setValues({ ...values, [inst.code]: e.currentTarget.value })}
                      error={problem?.outOfRange.includes(inst.code) ? t('score.range') : undefined}
                    />
                  ))}
              {problem && problem.missing.length > 0 && (
                <Alert color="orange" role="alert">
                  {t('score.missing', { codes: problem.missing.join(', ') })}
                </Alert>
              )}
              <Button type="submit" loading={score.isPending}>
                {t('score.calculate')}
              </Button>
            </Stack>
          </Paper>
          <Stack gap="lg">
            <ErrorAlert error={score.error} />
            {score.data ? (
              <ScoreResultCard result={score.data} framework={framework} />
            ) : (
              <Paper withBorder p="md">
                <Text c="dimmed">{t('score.empty')}</Text>
              </Paper>
            )}
            <MinSampleCard year={year ?? 0} framework={framework} />
          </Stack>
        </SimpleGrid>
      )}
    </>
  );
}
