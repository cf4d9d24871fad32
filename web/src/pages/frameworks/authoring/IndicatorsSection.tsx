// Indicators and their sub-indicators (the OIT's items sit under sub-indicators).
import { Stack, Title } from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import {
  AddButton,
  CodeInput,
  EntryCard,
  EntryRow,
  LocalizedInputs,
  listAt,
  SectionProblems,
  type SectionProps,
} from './fields.tsx';

interface Indicator {
  code?: string;
  name?: { th?: string; en?: string };
}

export function IndicatorsSection({ form, problems, readOnly }: SectionProps) {
  const { lang, t } = useLang();
  const indicators = listAt<Indicator>(form, 'indicators');
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      {indicators.map((ind, i) => {
        const subs = listAt<Indicator>(form, `indicators.${i}.subIndicators`);
        return (
          <EntryCard
            key={form.key(`indicators.${i}`)}
            title={
              <>
                {t('frameworks.indicator', { code: ind.code ?? '' })}{' '}
                {ind.name?.th ? pick({ th: ind.name.th, en: ind.name.en }, lang) : ''}
              </>
            }
            onRemove={() => form.removeListItem('indicators', i)}
            readOnly={readOnly}
          >
            <CodeInput form={form} path={`indicators.${i}.code`} readOnly={readOnly} w={120} />
            <LocalizedInputs
              form={form}
              path={`indicators.${i}.name`}
              label={t('authoring.name')}
              readOnly={readOnly}
            />
            {subs.length > 0 && <Title order={5}>{t('authoring.indicators.subIndicators')}</Title>}
            {subs.map((_, j) => (
              <EntryRow
                key={form.key(`indicators.${i}.subIndicators.${j}`)}
                onRemove={() => form.removeListItem(`indicators.${i}.subIndicators`, j)}
                readOnly={readOnly}
              >
                <CodeInput
                  form={form}
                  path={`indicators.${i}.subIndicators.${j}.code`}
                  readOnly={readOnly}
                  w={100}
                />
                <div style={{ flex: 1, minWidth: 240 }}>
                  <LocalizedInputs
                    form={form}
                    path={`indicators.${i}.subIndicators.${j}.name`}
                    label={t('authoring.name')}
                    readOnly={readOnly}
                  />
                </div>
              </EntryRow>
            ))}
            <AddButton
              small
              label={t('authoring.indicators.addSub')}
              readOnly={readOnly}
              onClick={() =>
                form.insertListItem(`indicators.${i}.subIndicators`, {
                  code: `${ind.code ?? ''}.${subs.length + 1}`,
                  name: { th: '', en: '' },
                })
              }
            />
          </EntryCard>
        );
      })}
      <AddButton
        label={t('authoring.indicators.add')}
        readOnly={readOnly}
        onClick={() =>
          form.insertListItem('indicators', {
            code: String(indicators.length + 1),
            name: { th: '', en: '' },
            subIndicators: [],
          })
        }
      />
    </Stack>
  );
}
