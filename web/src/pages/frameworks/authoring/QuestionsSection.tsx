// Survey questions: text in Thai and English, scale, polarity, sub-items, agency types, display codes.
import {
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { AppliesToInput } from './AppliesToInput.tsx';
import {
  countUnder,
  type DraftForm,
  ItemPicker,
  LocalizedInputs,
  listAt,
  type Problem,
  SectionProblems,
} from './fields.tsx';

interface Question {
  code?: string;
  indicator?: string;
  text?: { th?: string; en?: string };
}
interface Instrument {
  code?: string;
  collection?: string;
  indicators?: string[];
}

export function QuestionsSection({
  form,
  problems,
  readOnly,
}: {
  form: DraftForm;
  problems: Problem[];
  readOnly: boolean;
}) {
  const { lang, t } = useLang();
  const [selected, setSelected] = useState(0);
  const questions = listAt<Question>(form, 'questions');
  const scales = listAt<{ code?: string; name?: { th: string; en?: string } }>(form, 'scales');
  const indicators = listAt<{ code?: string; name?: { th: string; en?: string } }>(form, 'indicators');
  const instruments = listAt<Instrument>(form, 'instruments');
  const i = Math.min(selected, Math.max(questions.length - 1, 0));
  const q = questions[i];
  const path = `questions.${i}`;
  const asking = instruments.filter(
    (inst) => inst.collection !== 'open_data' && q?.indicator && inst.indicators?.includes(q.indicator),
  );
  const subItems = listAt(form, `${path}.subItems`);
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <ItemPicker
        items={questions.map((x, n) => ({
          key: form.key(`questions.${n}`),
          label: x.code || t('authoring.untitled'),
          description: x.text?.th ? pick({ th: x.text.th, en: x.text.en }, lang).slice(0, 60) : undefined,
          problems: countUnder(problems, `questions[${n}]`),
        }))}
        selected={i}
        onSelect={setSelected}
        addLabel={t('authoring.questions.add')}
        readOnly={readOnly}
        onAdd={() => {
          form.insertListItem('questions', {
            code: '',
            indicator: indicators[0]?.code ?? '1',
            text: { th: '', en: '' },
            scale: scales[0]?.code ?? '',
            polarity: 'positive',
            subItems: [],
            paraphrased: false,
          });
          setSelected(questions.length);
        }}
      >
        {q && (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>{t('authoring.questions.editing', { code: q.code ?? '' })}</Title>
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem('questions', i)}
                  >
                    {t('authoring.remove')}
                  </Button>
                )}
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('authoring.code')}
                  readOnly={readOnly}
                  miw={100}
                  {...form.getInputProps(`${path}.code`)}
                />
                <Select
                  label={t('authoring.questions.indicator')}
                  data={indicators
                    .filter((x) => x.code)
                    .map((x) => ({
                      value: x.code as string,
                      label: `${x.code} ${x.name ? pick({ th: x.name.th, en: x.name.en }, lang) : ''}`,
                    }))}
                  readOnly={readOnly}
                  miw={200}
                  {...form.getInputProps(`${path}.indicator`)}
                />
              </Group>
              <LocalizedInputs
                form={form}
                path={`${path}.text`}
                label={t('authoring.questions.text')}
                multiline
                readOnly={readOnly}
              />
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('authoring.questions.scale')}
                  data={scales
                    .filter((s) => s.code)
                    .map((s) => ({
                      value: s.code as string,
                      label: s.name ? pick({ th: s.name.th, en: s.name.en }, lang) : (s.code as string),
                    }))}
                  readOnly={readOnly}
                  miw={200}
                  {...form.getInputProps(`${path}.scale`)}
                />
                <Stack gap={4} miw={200}>
                  <Text size="sm" fw={500}>
                    {t('authoring.questions.polarity')}
                  </Text>
                  <SegmentedControl
                    aria-label={t('authoring.questions.polarity')}
                    disabled={readOnly}
                    data={[
                      { value: 'positive', label: t('authoring.questions.positive') },
                      { value: 'reversed', label: t('authoring.questions.reversed') },
                    ]}
                    {...form.getInputProps(`${path}.polarity`)}
                    value={(form.getInputProps(`${path}.polarity`).value as string | undefined) ?? 'positive'}
                  />
                </Stack>
              </Group>
              <Title order={5}>{t('authoring.questions.subItems')}</Title>
              {subItems.map((_, s) => (
                <Group key={form.key(`${path}.subItems.${s}`)} align="flex-end" gap="xs" wrap="wrap">
                  <TextInput
                    label={t('authoring.code')}
                    w={80}
                    readOnly={readOnly}
                    {...form.getInputProps(`${path}.subItems.${s}.code`)}
                  />
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <LocalizedInputs
                      form={form}
                      path={`${path}.subItems.${s}.text`}
                      label={t('authoring.questions.subItemText')}
                      readOnly={readOnly}
                    />
                  </div>
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => form.removeListItem(`${path}.subItems`, s)}
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
                      form.insertListItem(`${path}.subItems`, {
                        code: String.fromCharCode(97 + subItems.length),
                        text: { th: '', en: '' },
                      })
                    }
                  >
                    {t('authoring.questions.addSubItem')}
                  </Button>
                </Group>
              )}
              <AppliesToInput form={form} path={`${path}.appliesTo`} readOnly={readOnly} />
              {asking.length > 0 && (
                <Group grow align="flex-start" wrap="wrap">
                  {asking.map((inst) => (
                    <TextInput
                      key={inst.code}
                      label={t('authoring.questions.display', { code: inst.code })}
                      readOnly={readOnly}
                      miw={140}
                      value={
                        (form.getInputProps(`${path}.display`).value as Record<string, string> | undefined)?.[
                          inst.code as string
                        ] ?? ''
                      }
                      error={form.errors[`${path}.display.${inst.code}`] ?? form.errors[`${path}.display`]}
                      onChange={(e) =>
                        form.setFieldValue(`${path}.display`, {
                          ...((form.getInputProps(`${path}.display`).value as
                            | Record<string, string>
                            | undefined) ?? {}),
                          [inst.code as string]: e.currentTarget.value,
                        })
                      }
                    />
                  ))}
                </Group>
              )}
              <Checkbox
                label={t('authoring.paraphrased')}
                disabled={readOnly}
                {...form.getInputProps(`${path}.paraphrased`, { type: 'checkbox' })}
              />
            </Stack>
          </Paper>
        )}
      </ItemPicker>
    </Stack>
  );
}
