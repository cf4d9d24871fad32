// Instruments and their weights (the weights of a framework sum to 100).
import { Group, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import {
  AddButton,
  CodeInput,
  codeOption,
  EntryCard,
  LocalizedInputs,
  listAt,
  SectionProblems,
  type SectionProps,
} from './fields.tsx';

const COLLECTIONS = ['internal_staff', 'external_self', 'external_assessor', 'open_data'] as const;

interface Instrument {
  code?: string;
  name?: { th?: string; en?: string };
  weight?: number | string;
}

export function InstrumentsSection({ form, problems, readOnly }: SectionProps) {
  const { lang, t } = useLang();
  const instruments = listAt<Instrument>(form, 'instruments');
  const indicators = listAt<{ code?: string; name?: { th: string; en?: string } }>(form, 'indicators');
  const sum = instruments.reduce((s, i) => s + (typeof i.weight === 'number' ? i.weight : 0), 0);
  const indicatorOptions = indicators.filter((i) => i.code).map((i) => codeOption(i, lang));
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <Text role="status" fw={600} c={Math.abs(sum - 100) < 1e-9 ? 'teal' : 'red'}>
        {t('authoring.instruments.sum', { sum })}
      </Text>
      {instruments.map((inst, i) => (
        <EntryCard
          key={form.key(`instruments.${i}`)}
          title={`${inst.code ?? ''} ${inst.name?.th ? pick({ th: inst.name.th, en: inst.name.en }, lang) : ''}`}
          onRemove={() => form.removeListItem('instruments', i)}
          readOnly={readOnly}
        >
          <Group grow align="flex-start" wrap="wrap">
            <CodeInput form={form} path={`instruments.${i}.code`} readOnly={readOnly} miw={120} />
            <NumberInput
              label={t('authoring.instruments.weight')}
              min={0}
              max={100}
              suffix=" %"
              readOnly={readOnly}
              miw={120}
              {...form.getInputProps(`instruments.${i}.weight`)}
            />
            <Select
              label={t('authoring.instruments.collection')}
              data={COLLECTIONS.map((c) => ({ value: c, label: t(`frameworks.collection.${c}`) }))}
              readOnly={readOnly}
              miw={200}
              {...form.getInputProps(`instruments.${i}.collection`)}
            />
          </Group>
          <LocalizedInputs
            form={form}
            path={`instruments.${i}.name`}
            label={t('authoring.name')}
            readOnly={readOnly}
          />
          <MultiSelect
            label={t('authoring.instruments.indicators')}
            data={indicatorOptions}
            readOnly={readOnly}
            {...form.getInputProps(`instruments.${i}.indicators`)}
          />
        </EntryCard>
      ))}
      <AddButton
        label={t('authoring.instruments.add')}
        readOnly={readOnly}
        onClick={() =>
          form.insertListItem('instruments', {
            code: '',
            name: { th: '', en: '' },
            collection: 'internal_staff',
            weight: 0,
            indicators: [],
            processing: ['registered'],
          })
        }
      />
    </Stack>
  );
}
