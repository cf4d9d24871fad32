// The measures (มาตรการ/แนวทาง): each answers weak points or indicators, with ordered steps, responsible
// divisions (the agency's own list), a period in months and how it is monitored; a library entry fills in
// the words to start from.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { thaiMonthPeriod } from '@server/core/documents/thai-text.ts';
import { useState } from 'react';
import type { LibraryEntry, MeasuresView } from '../../api/measures.ts';
import { useLang } from '../../i18n/index.ts';
import { type Draft, type DraftMeasure, fromLibrary, newMeasure } from './measures-draft.ts';

type Source = NonNullable<MeasuresView['document']>['source'];

export function MeasuresEditor({
  year,
  source,
  draft,
  divisions,
  library,
  editable,
  problems,
  onChange,
  onAddDivision,
}: {
  year: number;
  source: Source;
  draft: Draft;
  divisions: MeasuresView['divisions'];
  library: LibraryEntry[];
  editable: boolean;
  problems: Map<string, string[]>;
  onChange: (measures: DraftMeasure[]) => void;
  onAddDivision: (name: string) => void;
}) {
  const { t } = useLang();
  const [division, setDivision] = useState('');
  const update = (id: string, patch: Partial<DraftMeasure>) =>
    onChange(draft.measures.map((m) => (m.id === id ? { ...m, ...patch } : m)));
  const pointOptions = draft.weakPoints.map((p) => ({
    value: p.id,
    label: `${p.questionCodes.join(', ') || source.indicators.find((i) => i.code === p.indicator)?.name.th || p.indicator} · ${t(`measures.class.${p.class}`)}`,
  }));
  const indicatorOptions = source.indicators.map((i) => ({
    value: i.code,
    label: `${i.order}. ${i.name.th}`,
  }));
  const divisionOptions = divisions.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
  const divisionName = (id: string) => divisions.find((d) => d.id === id)?.name ?? '';

  return (
    <Stack gap="md">
      {draft.measures.length === 0 && <Text c="dimmed">{t('measures.noMeasures')}</Text>}
      {draft.measures.map((m, n) => {
        const targets = new Set([
          ...m.indicators,
          ...m.weakPointIds.map((id) => draft.weakPoints.find((p) => p.id === id)?.indicator ?? ''),
        ]);
        const suggestions = library.filter((l) => targets.has(l.indicator));
        return (
          <Paper
            withBorder
            p="sm"
            key={m.id}
            component="article"
            aria-label={t('measures.measureN', { n: n + 1 })}
            data-testid="measure"
          >
            {editable ? (
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h5">
                    {t('measures.measureN', { n: n + 1 })}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('measures.removeMeasure')}
                    onClick={() => onChange(draft.measures.filter((x) => x.id !== m.id))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
                <MultiSelect
                  label={t('measures.answers')}
                  data={pointOptions}
                  value={m.weakPointIds}
                  onChange={(v) => update(m.id, { weakPointIds: v })}
                  searchable
                />
                <MultiSelect
                  label={t('measures.indicators')}
                  data={indicatorOptions}
                  value={m.indicators}
                  onChange={(v) => update(m.id, { indicators: v })}
                />
                {suggestions.length > 0 && (
                  <Select
                    label={t('measures.fromLibrary')}
                    placeholder={t('measures.pickSuggestion')}
                    data={suggestions.map((s) => ({ value: s.id, label: s.title }))}
                    value={null}
                    onChange={(id) => {
                      const entry = library.find((l) => l.id === id);
                      if (entry) update(m.id, fromLibrary(m, entry));
                    }}
                  />
                )}
                <TextInput
                  label={t('measures.measureTitle')}
                  value={m.title}
                  maxLength={500}
                  onChange={(e) => update(m.id, { title: e.currentTarget.value })}
                />
                <Textarea
                  label={t('measures.steps')}
                  description={t('measures.stepsHint')}
                  autosize
                  minRows={3}
                  value={m.steps.join('\n')}
                  onChange={(e) => update(m.id, { steps: e.currentTarget.value.split('\n') })}
                />
                <MultiSelect
                  label={t('measures.divisions')}
                  data={divisionOptions}
                  value={m.divisionIds}
                  onChange={(v) => update(m.id, { divisionIds: v })}
                />
                <Group grow wrap="wrap">
                  <TextInput
                    type="month"
                    label={t('measures.from')}
                    value={m.from}
                    onChange={(e) => update(m.id, { from: e.currentTarget.value })}
                    miw={140}
                  />
                  <TextInput
                    type="month"
                    label={t('measures.to')}
                    value={m.to}
                    onChange={(e) => update(m.id, { to: e.currentTarget.value })}
                    miw={140}
                  />
                </Group>
                <Textarea
                  label={t('measures.monitoring')}
                  autosize
                  minRows={2}
                  value={m.monitoring}
                  onChange={(e) => update(m.id, { monitoring: e.currentTarget.value })}
                />
                {(problems.get(m.id) ?? []).map((p) => (
                  <Text key={p} c="red" size="sm" role="alert">
                    {t(p)}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Stack gap={4}>
                <Title order={3} size="h5">
                  {n + 1}. {m.title}
                </Title>
                <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                  {m.steps.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ol>
                <Group gap="xs" wrap="wrap">
                  {m.divisionIds.map((id) => (
                    <Badge key={id} variant="light">
                      {divisionName(id)}
                    </Badge>
                  ))}
                  <Badge variant="outline">
                    {m.from <= m.to ? thaiMonthPeriod(m.from, m.to) : `${m.from} – ${m.to}`}
                  </Badge>
                </Group>
                <Text size="sm">
                  {t('measures.monitoring')}: {m.monitoring}
                </Text>
              </Stack>
            )}
          </Paper>
        );
      })}
      {editable && (
        <Stack gap="xs">
          <Group>
            <Button variant="light" onClick={() => onChange([...draft.measures, newMeasure(year)])}>
              {t('measures.addMeasure')}
            </Button>
          </Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('measures.newDivision')}
              value={division}
              maxLength={200}
              onChange={(e) => setDivision(e.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={!division.trim()}
              onClick={() => {
                onAddDivision(division.trim());
                setDivision('');
              }}
            >
              {t('measures.addDivision')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
