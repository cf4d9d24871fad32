// Rating rules, in order: the first rule whose conditions hold gives the rating; the last has none.
import { Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import {
  AddButton,
  CodeInput,
  EntryCard,
  LocalizedInputs,
  listAt,
  SectionProblems,
  type SectionProps,
} from './fields.tsx';

export function RatingSection({ form, problems, readOnly }: SectionProps) {
  const { t } = useLang();
  const rules = listAt<{ code?: string }>(form, 'rating.rules');
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput
          label={t('authoring.rating.passThreshold')}
          min={0}
          max={100}
          readOnly={readOnly}
          miw={160}
          {...form.getInputProps('rating.passThreshold')}
        />
        <NumberInput
          label={t('authoring.rating.nationalTargetShare')}
          description={t('authoring.rating.shareHint')}
          min={0}
          max={1}
          step={0.01}
          decimalScale={4}
          readOnly={readOnly}
          miw={160}
          {...form.getInputProps('rating.nationalTargetShare')}
          value={(form.getInputProps('rating.nationalTargetShare').value as number | undefined) ?? ''}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('authoring.rating.intro')}
      </Text>
      {rules.map((rule, i) => (
        <EntryCard
          key={form.key(`rating.rules.${i}`)}
          title={t('authoring.rating.rule', { n: i + 1, code: rule.code ?? '' })}
          onRemove={() => form.removeListItem('rating.rules', i)}
          readOnly={readOnly}
        >
          <CodeInput form={form} path={`rating.rules.${i}.code`} readOnly={readOnly} w={200} />
          <LocalizedInputs
            form={form}
            path={`rating.rules.${i}.label`}
            label={t('authoring.rating.label')}
            readOnly={readOnly}
          />
          <Group grow align="flex-start" wrap="wrap">
            {(['totalAtLeast', 'everyInstrumentAtLeast', 'someInstrumentBelow'] as const).map((k) => (
              <NumberInput
                key={k}
                label={t(`authoring.rating.${k}`)}
                min={0}
                max={100}
                readOnly={readOnly}
                miw={150}
                {...form.getInputProps(`rating.rules.${i}.${k}`)}
                value={(form.getInputProps(`rating.rules.${i}.${k}`).value as number | undefined) ?? ''}
              />
            ))}
          </Group>
          <Switch
            label={t('authoring.rating.passes')}
            disabled={readOnly}
            {...form.getInputProps(`rating.rules.${i}.passes`, { type: 'checkbox' })}
          />
        </EntryCard>
      ))}
      <AddButton
        label={t('authoring.rating.add')}
        readOnly={readOnly}
        onClick={() =>
          form.insertListItem('rating.rules', { code: '', label: { th: '', en: '' }, passes: false })
        }
      />
    </Stack>
  );
}
