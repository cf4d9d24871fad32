// When an activity happens: a month, a range of months or exact days, as plans write them. Months are
// picked from the plan's window in Buddhist-Era words; days are typed in the browser's date field, and the
// period is said back in words (Buddhist Era in Thai) under the fields.
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  addMonths,
  formatPeriod,
  formatYearMonth,
  type PeriodKind,
  type PlanPeriod,
  periodBounds,
  planWindow,
} from '@server/core/plans/period.ts';
import { useMemo } from 'react';
import { useLang } from '../../i18n/index.ts';

function monthsOf(year: number): string[] {
  const w = planWindow(year);
  const out: string[] = [];
  for (let m = w.start.slice(0, 7); m <= w.end.slice(0, 7); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The same days (as near as the new kind allows) in another kind of period. */
export function convertPeriod(p: PlanPeriod, kind: PeriodKind): PlanPeriod {
  const { start, end } = periodBounds(p);
  switch (kind) {
    case 'month':
      return { kind, month: start.slice(0, 7) };
    case 'months':
      return { kind, from: start.slice(0, 7), to: end.slice(0, 7) };
    case 'dates':
      return { kind, from: start, to: end };
  }
}

export function PeriodInput({
  year,
  value,
  onChange,
  error,
  label,
}: {
  year: number;
  value: PlanPeriod;
  onChange: (p: PlanPeriod) => void;
  error?: string;
  label: string;
}) {
  const { lang, t } = useLang();
  const months = useMemo(
    () => monthsOf(year).map((m) => ({ value: m, label: formatYearMonth(m, lang) })),
    [year, lang],
  );
  const monthSelect = (aria: string, v: string, set: (m: string) => void) => (
    <Select
      label={aria}
      data={months}
      value={v}
      onChange={(m) => m && set(m)}
      allowDeselect={false}
      searchable
      style={{ flex: '1 1 150px' }}
    />
  );
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        size="xs"
        value={value.kind}
        onChange={(k) => onChange(convertPeriod(value, k as PeriodKind))}
        data={(['month', 'months', 'dates'] as const).map((k) => ({
          value: k,
          label: t(`plans.periodKind.${k}`),
        }))}
        aria-label={t('plans.periodKindLabel')}
      />
      <Group gap="xs" align="flex-end">
        {value.kind === 'month' &&
          monthSelect(t('plans.month'), value.month, (month) => onChange({ kind: 'month', month }))}
        {value.kind === 'months' && (
          <>
            {monthSelect(t('plans.fromMonth'), value.from, (from) => onChange({ ...value, from }))}
            {monthSelect(t('plans.toMonth'), value.to, (to) => onChange({ ...value, to }))}
          </>
        )}
        {value.kind === 'dates' && (
          <>
            <TextInput
              type="date"
              label={t('plans.fromDay')}
              value={value.from}
              onChange={(e) => e.currentTarget.value && onChange({ ...value, from: e.currentTarget.value })}
              style={{ flex: '1 1 150px' }}
            />
            <TextInput
              type="date"
              label={t('plans.toDay')}
              value={value.to}
              onChange={(e) => e.currentTarget.value && onChange({ ...value, to: e.currentTarget.value })}
              style={{ flex: '1 1 150px' }}
            />
          </>
        )}
      </Group>
      <Text size="sm" c={error ? 'red' : 'dimmed'} aria-live="polite">
        {error ?? formatPeriod(value, lang)}
      </Text>
    </Stack>
  );
}
