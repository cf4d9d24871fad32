// Non-processing conditions: what each instrument needs before it is scored (else it scores as the policy says).
import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { listAt, SectionProblems, type SectionProps } from './fields.tsx';

const CONDITIONS = ['registered', 'population_entered', 'minimum_sample', 'answered'] as const;

export function ProcessingSection({ form, problems, readOnly }: SectionProps) {
  const { t } = useLang();
  const instruments = listAt<{ code?: string }>(form, 'instruments');
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <Text size="sm" c="dimmed">
        {t('authoring.processing.intro')}
      </Text>
      {instruments.map((inst, i) => (
        <Paper key={form.key(`instruments.${i}`)} withBorder p="md">
          <Checkbox.Group
            label={<Title order={4}>{inst.code}</Title>}
            {...form.getInputProps(`instruments.${i}.processing`)}
            value={listAt<string>(form, `instruments.${i}.processing`)}
          >
            <Stack gap={6} mt="xs">
              {CONDITIONS.map((c) => (
                <Checkbox key={c} value={c} label={t(`frameworks.processing.${c}`)} disabled={readOnly} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Paper>
      ))}
    </Stack>
  );
}
