// OIT items: title, indicator and sub-indicator, the components the page must show, conditions, agency types.
import { Button, Checkbox, Group, Paper, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
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

interface Item {
  code?: string;
  indicator?: string;
  title?: { th?: string; en?: string };
}
interface Indicator {
  code?: string;
  name?: { th: string; en?: string };
  subIndicators?: { code?: string; name?: { th: string; en?: string } }[];
}

export function OitSection({
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
  const items = listAt<Item>(form, 'oitItems');
  const indicators = listAt<Indicator>(form, 'indicators');
  const i = Math.min(selected, Math.max(items.length - 1, 0));
  const item = items[i];
  const path = `oitItems.${i}`;
  const subs = indicators.find((x) => x.code === item?.indicator)?.subIndicators ?? [];
  const components = listAt(form, `${path}.components`);
  // Written as one object: a stored item may have no conditions yet.
  const conditions = (form.getInputProps(`${path}.conditions`).value ?? {}) as Record<string, unknown>;
  const named = (x: { code?: string; name?: { th: string; en?: string } }) => ({
    value: x.code as string,
    label: `${x.code} ${x.name ? pick({ th: x.name.th, en: x.name.en }, lang) : ''}`,
  });
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <ItemPicker
        items={items.map((x, n) => ({
          key: form.key(`oitItems.${n}`),
          label: x.code || t('authoring.untitled'),
          description: x.title?.th ? pick({ th: x.title.th, en: x.title.en }, lang) : undefined,
          problems: countUnder(problems, `oitItems[${n}]`),
        }))}
        selected={i}
        onSelect={setSelected}
        addLabel={t('authoring.oit.add')}
        readOnly={readOnly}
        onAdd={() => {
          const last = items.at(-1) as (Item & { subIndicator?: string }) | undefined;
          form.insertListItem('oitItems', {
            code: `o${items.length + 1}`,
            indicator: last?.indicator ?? '',
            subIndicator: last?.subIndicator ?? '',
            title: { th: '', en: '' },
            components: [{ th: '', en: '' }],
            conditions: { mainWebsite: true },
            paraphrased: false,
          });
          setSelected(items.length);
        }}
      >
        {item && (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>{t('authoring.oit.editing', { code: item.code ?? '' })}</Title>
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => form.removeListItem('oitItems', i)}
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
                  label={t('authoring.oit.indicator')}
                  data={indicators.filter((x) => x.code).map(named)}
                  readOnly={readOnly}
                  miw={180}
                  {...form.getInputProps(`${path}.indicator`)}
                />
                <Select
                  label={t('authoring.oit.subIndicator')}
                  data={subs.filter((x) => x.code).map(named)}
                  readOnly={readOnly}
                  miw={180}
                  {...form.getInputProps(`${path}.subIndicator`)}
                />
              </Group>
              <LocalizedInputs
                form={form}
                path={`${path}.title`}
                label={t('authoring.oit.title')}
                readOnly={readOnly}
              />
              <Title order={5}>{t('authoring.oit.components')}</Title>
              {components.map((_, c) => (
                <Group key={form.key(`${path}.components.${c}`)} align="flex-end" gap="xs" wrap="wrap">
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <LocalizedInputs
                      form={form}
                      path={`${path}.components.${c}`}
                      label={t('authoring.oit.component', { n: c + 1 })}
                      multiline
                      readOnly={readOnly}
                    />
                  </div>
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => form.removeListItem(`${path}.components`, c)}
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
                    onClick={() => form.insertListItem(`${path}.components`, { th: '', en: '' })}
                  >
                    {t('authoring.oit.addComponent')}
                  </Button>
                </Group>
              )}
              <Title order={5}>{t('authoring.oit.conditions')}</Title>
              <Switch
                label={t('authoring.oit.mainWebsite')}
                disabled={readOnly}
                checked={conditions.mainWebsite !== false}
                onChange={(e) =>
                  form.setFieldValue(`${path}.conditions`, {
                    ...conditions,
                    mainWebsite: e.currentTarget.checked,
                  })
                }
              />
              <LocalizedInputs
                form={form}
                path={`${path}.conditions.period`}
                label={t('authoring.oit.period')}
                readOnly={readOnly}
              />
              <LocalizedInputs
                form={form}
                path={`${path}.conditions.note`}
                label={t('authoring.oit.note')}
                multiline
                readOnly={readOnly}
              />
              <AppliesToInput form={form} path={`${path}.appliesTo`} readOnly={readOnly} />
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
