import { NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type Framework, useMinSample } from '../../api/frameworks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

/** Minimum respondents for a population, by the year's sample rule (GET /frameworks/:year/min-sample). */
export function MinSampleCard({ year, framework }: { year: number; framework: Framework }) {
  const { lang, t } = useLang();
  const withRule = framework.instruments.filter((i) => i.sample?.kind === 'formula');
  const [instrument, setInstrument] = useState<string | null>(withRule[0]?.code ?? null);
  const [population, setPopulation] = useState<number | string>('');
  const [debounced] = useDebouncedValue(population, 300);
  const pop = typeof debounced === 'number' ? debounced : null;
  const min = useMinSample(year, instrument, pop);
  if (withRule.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('score.minSample.title')}
        </Title>
        <Select
          label={t('frameworks.instruments.instrument')}
          data={withRule.map((i) => ({ value: i.code, label: `${i.code} ${pick(i.name, lang)}` }))}
          value={instrument}
          onChange={setInstrument}
          allowDeselect={false}
        />
        <NumberInput
          label={t('score.minSample.population')}
          min={0}
          max={100_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          value={population}
          onChange={setPopulation}
        />
        <ErrorAlert error={min.error} />
        <Text aria-live="polite">
          {min.data && pop !== null
            ? t('score.minSample.result', {
                minimum: formatCount(min.data.minimum, lang),
                population: formatCount(min.data.population, lang),
              })
            : t('score.minSample.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
