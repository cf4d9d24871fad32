// Rating rules, in order: the first rule whose conditions hold gives the rating; the last has none.
import { Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { type DraftForm, LocalizedInputs, listAt, type Problem, SectionProblems } from './fields.tsx';

export function RatingSection({
  form,
  problems,
  readOnly,
}: {
  form: DraftForm;
  problems: Problem[];
  readOnly: boolean;
}) {
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
        <Paper key={form.key(`rating.rules.${i}`)} withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>{t('authoring.rating.rule', { n: i + 1, code: rule.code ?? '' })}</Title>
              {!readOnly && (
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => form.removeListItem('rating.rules', i)}
                >
                  {t('authoring.remove')}
                </Button>
              )}
            </Group>
            <TextInput
              label={t('authoring.code')}
              w={200}
              readOnly={readOnly}
              {...form.getInputProps(`rating.rules.${i}.code`)}
            />
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
          </Stack>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem('rating.rules', { code: '', label: { th: '', en: '' }, passes: false })
            }
          >
            {t('authoring.rating.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
