// OIT items: title, indicator and sub-indicator, the components the page must show, conditions, agency types.
import { Checkbox, Group, Select, Switch, Title } from '@mantine/core';
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

export function OitSection({ form, problems, readOnly }: SectionProps) {
  const { lang, t } = useLang();
  const indicators = listAt<Indicator>(form, 'indicators');
  const named = (x: { code?: string; name?: { th: string; en?: string } }) => codeOption(x, lang);
  return (
    <PickedList<Item>
      form={form}
      problems={problems}
      readOnly={readOnly}
      listPath="oitItems"
      describe={(x) => (x.title?.th ? pick({ th: x.title.th, en: x.title.en }, lang) : undefined)}
      addLabel={t('authoring.oit.add')}
      newItem={(items) => {
        const last = items.at(-1) as (Item & { subIndicator?: string }) | undefined;
        return {
          code: `o${items.length + 1}`,
          indicator: last?.indicator ?? '',
          subIndicator: last?.subIndicator ?? '',
          title: { th: '', en: '' },
          components: [{ th: '', en: '' }],
          conditions: { mainWebsite: true },
          paraphrased: false,
        };
      }}
      title={(item) => t('authoring.oit.editing', { code: item.code ?? '' })}
    >
      {(item, path) => {
        const subs = indicators.find((x) => x.code === item.indicator)?.subIndicators ?? [];
        const components = listAt(form, `${path}.components`);
        // Written as one object: a stored item may have no conditions yet.
        const conditions = (form.getInputProps(`${path}.conditions`).value ?? {}) as Record<string, unknown>;
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <CodeInput form={form} path={`${path}.code`} readOnly={readOnly} miw={100} />
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
              <EntryRow
                key={form.key(`${path}.components.${c}`)}
                onRemove={() => form.removeListItem(`${path}.components`, c)}
                readOnly={readOnly}
              >
                <div style={{ flex: 1, minWidth: 240 }}>
                  <LocalizedInputs
                    form={form}
                    path={`${path}.components.${c}`}
                    label={t('authoring.oit.component', { n: c + 1 })}
                    multiline
                    readOnly={readOnly}
                  />
                </div>
              </EntryRow>
            ))}
            <AddButton
              small
              label={t('authoring.oit.addComponent')}
              readOnly={readOnly}
              onClick={() => form.insertListItem(`${path}.components`, { th: '', en: '' })}
            />
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
          </>
        );
      }}
    </PickedList>
  );
}
