// The crosswalk: which of last year's questions or OIT items each one of this year continues (several when
// items were merged, none for a new one). Results are compared across years through it.
import { Alert, MultiSelect, Stack, Table, Text } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYear } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { type DraftForm, listAt, type Problem, SectionProblems } from './fields.tsx';

type Pair = { from: string; to: string };

export function CrosswalkSection({
  form,
  base,
  problems,
  readOnly,
}: {
  form: DraftForm;
  base: Framework | undefined;
  problems: Problem[];
  readOnly: boolean;
}) {
  const { lang, t } = useLang();
  const walk = form.values.crosswalk as { fromYear?: number; codes?: Pair[] } | undefined;
  if (!base || !walk) return <Alert color="gray">{t('authoring.crosswalk.none')}</Alert>;
  const pairs = walk.codes ?? [];
  const previous = [
    ...base.questions.map((q) => ({ value: q.code, label: `${q.code} ${pick(q.text, lang).slice(0, 80)}` })),
    ...base.oitItems.map((o) => ({ value: o.code, label: `${o.code} ${pick(o.title, lang)}` })),
  ];
  const current = [
    ...listAt<{ code?: string; text?: { th: string; en?: string } }>(form, 'questions').map((q) => ({
      code: q.code ?? '',
      text: q.text?.th ? pick({ th: q.text.th, en: q.text.en }, lang) : '',
    })),
    ...listAt<{ code?: string; title?: { th: string; en?: string } }>(form, 'oitItems').map((o) => ({
      code: o.code ?? '',
      text: o.title?.th ? pick({ th: o.title.th, en: o.title.en }, lang) : '',
    })),
  ].filter((x) => x.code);
  const setFor = (code: string, froms: string[]) =>
    form.setFieldValue('crosswalk.codes', [
      ...pairs.filter((p) => p.to !== code),
      ...froms.map((from) => ({ from, to: code })),
    ]);
  return (
    <Stack gap="sm">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <Text size="sm">
        {t('authoring.crosswalk.intro', { year: formatFiscalYear(walk.fromYear ?? base.year, lang) })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder aria-label={t('authoring.tabs.crosswalk')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('authoring.crosswalk.thisYear')}</Table.Th>
              <Table.Th scope="col">
                {t('authoring.crosswalk.continues', {
                  year: formatFiscalYear(walk.fromYear ?? base.year, lang),
                })}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {c.code}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {c.text.slice(0, 100)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MultiSelect
                    aria-label={t('authoring.crosswalk.continuesOf', { code: c.code })}
                    data={previous}
                    value={pairs.filter((p) => p.to === c.code).map((p) => p.from)}
                    placeholder={t('authoring.crosswalk.new')}
                    searchable
                    readOnly={readOnly}
                    onChange={(v) => setFor(c.code, v)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
