// Side by side: what changed from the framework this draft was copied from, per instrument, indicator,
// question, OIT item, rating rule and calendar stage (frameworkDiff, the core rule).
import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { type Change, frameworkDiff } from '@server/core/framework/diff.ts';
import { fieldWords } from '@server/core/framework/messages.ts';
import { type Framework, ZFramework } from '@server/core/framework/schema.ts';
import { useMemo } from 'react';
import { useLang } from '../../../i18n/index.ts';
import { formatDate, formatFiscalYear, type Lang } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';

const KIND_COLOR = { added: 'teal', removed: 'red', changed: 'blue' } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldName(field: string, lang: Lang): string {
  return fieldWords(field.split('.'))[lang];
}
/** Stages and rating rules by their names (their codes mean nothing to a reader); the rest by code and name. */
function entryName(c: Change, lang: Lang): string {
  const name = pick(c.name, lang);
  if (c.section === 'calendar' || c.section === 'rating') return name;
  return `${c.code} ${name.length > 60 ? `${name.slice(0, 60)}…` : name}`;
}
const shown = (value: string, lang: Lang) => (ISO_DATE.test(value) ? formatDate(value, lang) : value);

export function DiffSection({ base, values }: { base: Framework | undefined; values: unknown }) {
  const { lang, t } = useLang();
  const parsed = useMemo(() => ZFramework.safeParse(values), [values]);
  const changes: Change[] = useMemo(
    () => (base && parsed.success ? frameworkDiff(base, parsed.data) : []),
    [base, parsed],
  );
  if (!base) return <Text c="dimmed">{t('authoring.diff.noBase')}</Text>;
  if (!parsed.success)
    return (
      <Alert color="yellow" role="status">
        {t('authoring.diff.fixFirst')}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('authoring.diff.intro', { year: formatFiscalYear(base.year, lang), n: changes.length })}
      </Text>
      {changes.length === 0 ? (
        <Text c="dimmed">{t('authoring.diff.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-label={t('authoring.diff.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('authoring.diff.what')}</Table.Th>
                <Table.Th scope="col">{t('authoring.diff.field')}</Table.Th>
                <Table.Th scope="col">
                  {t('authoring.diff.before', { year: formatFiscalYear(base.year, lang) })}
                </Table.Th>
                <Table.Th scope="col">{t('authoring.diff.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.flatMap((c) => {
                const rows = c.fields.length > 0 ? c.fields : [{ field: '', before: '', after: '' }];
                return rows.map((f, n) => (
                  <Table.Tr key={`${c.section}:${c.code}:${c.kind}:${f.field}`}>
                    {n === 0 && (
                      <Table.Td rowSpan={rows.length} style={{ verticalAlign: 'top' }}>
                        <Text size="sm" fw={600}>
                          {t(`authoring.diff.sections.${c.section}`)} {entryName(c, lang)}
                        </Text>
                        <Badge color={KIND_COLOR[c.kind]} variant="light" size="sm">
                          {t(`authoring.diff.kinds.${c.kind}`)}
                        </Badge>
                        {c.continues.length > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('authoring.diff.continues', { codes: c.continues.join(', ') })}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>{f.field ? fieldName(f.field, lang) : ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{shown(f.before, lang)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{shown(f.after, lang)}</Table.Td>
                  </Table.Tr>
                ));
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
