// Indicators and their sub-indicators (the OIT's items sit under sub-indicators).
import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { type DraftForm, LocalizedInputs, listAt, type Problem, SectionProblems } from './fields.tsx';

interface Indicator {
  code?: string;
  name?: { th?: string; en?: string };
}

export function IndicatorsSection({
  form,
  problems,
  readOnly,
}: {
  form: DraftForm;
  problems: Problem[];
  readOnly: boolean;
}) {
  const { lang, t } = useLang();
  const indicators = listAt<Indicator>(form, 'indicators');
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      {indicators.map((ind, i) => {
        const subs = listAt<Indicator>(form, `indicators.${i}.subIndicators`);
        return (
          <Paper key={form.key(`indicators.${i}`)} withBorder p="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>
                  {t('frameworks.indicator', { code: ind.code ?? '' })}{' '}
                  {ind.name?.th ? pick({ th: ind.name.th, en: ind.name.en }, lang) : ''}
                </Title>
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem('indicators', i)}
                  >
                    {t('authoring.remove')}
                  </Button>
                )}
              </Group>
              <TextInput
                label={t('authoring.code')}
                w={120}
                readOnly={readOnly}
                {...form.getInputProps(`indicators.${i}.code`)}
              />
              <LocalizedInputs
                form={form}
                path={`indicators.${i}.name`}
                label={t('authoring.name')}
                readOnly={readOnly}
              />
              {subs.length > 0 && <Title order={5}>{t('authoring.indicators.subIndicators')}</Title>}
              {subs.map((_, j) => (
                <Group
                  key={form.key(`indicators.${i}.subIndicators.${j}`)}
                  align="flex-end"
                  wrap="wrap"
                  gap="xs"
                >
                  <TextInput
                    label={t('authoring.code')}
                    w={100}
                    readOnly={readOnly}
                    {...form.getInputProps(`indicators.${i}.subIndicators.${j}.code`)}
                  />
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <LocalizedInputs
                      form={form}
                      path={`indicators.${i}.subIndicators.${j}.name`}
                      label={t('authoring.name')}
                      readOnly={readOnly}
                    />
                  </div>
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => form.removeListItem(`indicators.${i}.subIndicators`, j)}
                    >
                      {t('authoring.remove')}
                    </Button>
                  )}
                </Group>
              ))}
              {!readOnly && (
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() =>
                      form.insertListItem(`indicators.${i}.subIndicators`, {
                        code: `${ind.code ?? ''}.${subs.length + 1}`,
                        name: { th: '', en: '' },
                      })
                    }
                  >
                    {t('authoring.indicators.addSub')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem('indicators', {
                code: String(indicators.length + 1),
                name: { th: '', en: '' },
                subIndicators: [],
              })
            }
          >
            {t('authoring.indicators.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
