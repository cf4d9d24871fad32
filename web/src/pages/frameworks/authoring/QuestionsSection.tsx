// Survey questions: text in Thai and English, scale, polarity, sub-items, agency types, display codes.
import { Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { AppliesToInput } from './AppliesToInput.tsx';
import {
  AddButton,
  CodeInput,
  codeOption,
  EntryRow,
  LocalizedInputs,
  listAt,
  PickedList,
  type SectionProps,
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

export function QuestionsSection({ form, problems, readOnly }: SectionProps) {
  const { lang, t } = useLang();
  const scales = listAt<{ code?: string; name?: { th: string; en?: string } }>(form, 'scales');
  const indicators = listAt<{ code?: string; name?: { th: string; en?: string } }>(form, 'indicators');
  const instruments = listAt<Instrument>(form, 'instruments');
  return (
    <PickedList<Question>
      form={form}
      problems={problems}
      readOnly={readOnly}
      listPath="questions"
      describe={(x) => (x.text?.th ? pick({ th: x.text.th, en: x.text.en }, lang).slice(0, 60) : undefined)}
      addLabel={t('authoring.questions.add')}
      newItem={() => ({
        code: '',
        indicator: indicators[0]?.code ?? '1',
        text: { th: '', en: '' },
        scale: scales[0]?.code ?? '',
        polarity: 'positive',
        subItems: [],
        paraphrased: false,
      })}
      title={(q) => t('authoring.questions.editing', { code: q.code ?? '' })}
    >
      {(q, path) => {
        const asking = instruments.filter(
          (inst) => inst.collection !== 'open_data' && q.indicator && inst.indicators?.includes(q.indicator),
        );
        const subItems = listAt(form, `${path}.subItems`);
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <CodeInput form={form} path={`${path}.code`} readOnly={readOnly} miw={100} />
              <Select
                label={t('authoring.questions.indicator')}
                data={indicators.filter((x) => x.code).map((x) => codeOption(x, lang))}
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
              <EntryRow
                key={form.key(`${path}.subItems.${s}`)}
                onRemove={() => form.removeListItem(`${path}.subItems`, s)}
                readOnly={readOnly}
              >
                <CodeInput form={form} path={`${path}.subItems.${s}.code`} readOnly={readOnly} w={80} />
                <div style={{ flex: 1, minWidth: 240 }}>
                  <LocalizedInputs
                    form={form}
                    path={`${path}.subItems.${s}.text`}
                    label={t('authoring.questions.subItemText')}
                    readOnly={readOnly}
                  />
                </div>
              </EntryRow>
            ))}
            <AddButton
              small
              label={t('authoring.questions.addSubItem')}
              readOnly={readOnly}
              onClick={() =>
                form.insertListItem(`${path}.subItems`, {
                  code: String.fromCharCode(97 + subItems.length),
                  text: { th: '', en: '' },
                })
              }
            />
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
          </>
        );
      }}
    </PickedList>
  );
}
