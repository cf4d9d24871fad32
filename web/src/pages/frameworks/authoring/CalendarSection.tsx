// The year's calendar: stages with Buddhist-Era dates (day, month in words, year BE), in date order.
import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useLang } from '../../../i18n/index.ts';
import { formatDateRange, type Lang, toBuddhistYear, toGregorianYear } from '../../../lib/format.ts';
import {
  AddButton,
  CodeInput,
  EntryCard,
  LocalizedInputs,
  listAt,
  SectionProblems,
  type SectionProps,
} from './fields.tsx';

const monthNames = (lang: Lang) =>
  Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(lang === 'th' ? 'th-TH' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m, 1)),
    ),
  );

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date (CE) edited as day, month and Buddhist-Era year. */
export function BeDateInput({
  label,
  value,
  onChange,
  error,
  readOnly,
}: {
  label: string;
  value: string;
  onChange(iso: string): void;
  error?: ReactNode;
  readOnly: boolean;
}) {
  const { lang, t } = useLang();
  const labelId = useId();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [new Date().getFullYear(), 1, 1];
  const set = (year: number, month: number, day: number) => onChange(`${year}-${pad(month)}-${pad(day)}`);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <Group gap="xs" wrap="wrap" role="group" aria-labelledby={labelId}>
        <Select
          aria-label={`${label}: ${t('authoring.calendar.day')}`}
          data={Array.from({ length: 31 }, (_, i) => String(i + 1))}
          value={String(d)}
          readOnly={readOnly}
          w={80}
          onChange={(v) => v && set(y, mo, Number(v))}
        />
        <Select
          aria-label={`${label}: ${t('authoring.calendar.month')}`}
          data={monthNames(lang).map((name, i) => ({ value: String(i + 1), label: name }))}
          value={String(mo)}
          readOnly={readOnly}
          w={150}
          onChange={(v) => v && set(y, Number(v), d)}
        />
        <NumberInput
          aria-label={`${label}: ${t('authoring.calendar.yearBe')}`}
          prefix={lang === 'th' ? 'พ.ศ. ' : 'BE '}
          value={toBuddhistYear(y)}
          min={2500}
          max={2700}
          readOnly={readOnly}
          w={130}
          onChange={(v) => typeof v === 'number' && v >= 2500 && set(toGregorianYear(v), mo, d)}
        />
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

interface Stage {
  code?: string;
  start?: string;
  end?: string;
}

export function CalendarSection({ form, problems, readOnly }: SectionProps) {
  const { lang, t } = useLang();
  const stages = listAt<Stage>(form, 'calendar');
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      {stages.map((stage, i) => (
        <EntryCard
          key={form.key(`calendar.${i}`)}
          title={
            <>
              {t('authoring.calendar.stage', { n: i + 1 })}
              {stage.start && stage.end ? ` · ${formatDateRange(stage.start, stage.end, lang)}` : ''}
            </>
          }
          onRemove={() => form.removeListItem('calendar', i)}
          readOnly={readOnly}
        >
          <CodeInput form={form} path={`calendar.${i}.code`} readOnly={readOnly} w={220} />
          <LocalizedInputs
            form={form}
            path={`calendar.${i}.name`}
            label={t('authoring.name')}
            readOnly={readOnly}
          />
          <Group align="flex-start" wrap="wrap">
            {(['start', 'end'] as const).map((k) => (
              <BeDateInput
                key={k}
                label={t(`authoring.calendar.${k}`)}
                value={stage[k] ?? ''}
                readOnly={readOnly}
                error={form.errors[`calendar.${i}.${k}`]}
                onChange={(iso) => form.setFieldValue(`calendar.${i}.${k}`, iso)}
              />
            ))}
          </Group>
        </EntryCard>
      ))}
      <AddButton
        label={t('authoring.calendar.add')}
        readOnly={readOnly}
        onClick={() => {
          const last = stages.at(-1);
          form.insertListItem('calendar', {
            code: '',
            name: { th: '', en: '' },
            start: last?.end ?? '',
            end: last?.end ?? '',
          });
        }}
      />
    </Stack>
  );
}
