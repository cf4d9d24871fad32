// The tables of lessons learned (screen and print alike): ratings against last year, the OIT items and
// questions most agencies failed, the agencies to learn from, the agencies that fell.
import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Lessons } from '../../api/lessons.ts';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { percentOf } from './lessons-view.ts';

export function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="lessons-section">
      <Title order={2} size="h3" id={id} mt="xl" mb="xs">
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

interface Column {
  label: string;
  /** Numbers: right-aligned. */
  right?: boolean;
}

/**
 * One table of the page: scrolls sideways under `minWidth`, labelled by its section's title (`id`, also its
 * test id); with `empty` and no rows, the sentence instead of the table.
 */
function LessonsTable({
  id,
  minWidth,
  columns,
  rows,
  empty,
  children,
}: {
  id: string;
  minWidth: number;
  columns: Column[];
  rows: number;
  empty?: string;
  children: ReactNode;
}) {
  if (empty !== undefined && rows === 0) return <Empty text={empty} />;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table withTableBorder striped aria-labelledby={id} data-testid={id}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} scope="col" ta={c.right ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The row's header cell: the agency's name and, small, its code. */
function AgencyCell({ agency }: { agency: { code: string; nameTh: string; nameEn?: string | null } }) {
  const { lang } = useLang();
  return (
    <Table.Th scope="row" fw={400}>
      {pickName(agency, lang)}{' '}
      <Text span size="xs" c="dimmed">
        {agency.code}
      </Text>
    </Table.Th>
  );
}

export function RatingsTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-ratings" title={t('lessons.ratings.title')}>
      <LessonsTable
        id="lessons-ratings"
        minWidth={480}
        rows={l.ratings.length}
        columns={[
          { label: t('lessons.ratings.rating') },
          { label: t('lessons.ratings.count'), right: true },
          { label: t('lessons.ratings.percent'), right: true },
          { label: t('lessons.ratings.lastYear', { year: l.summary.lastYear.year }), right: true },
          { label: t('lessons.ratings.change'), right: true },
        ]}
      >
        {l.ratings.map((r) => (
          <Table.Tr key={r.code}>
            <Table.Th scope="row" fw={400}>
              {pick(r, lang)}
            </Table.Th>
            <Table.Td ta="right">{r.count}</Table.Td>
            <Table.Td ta="right">{percentOf(r.share)}</Table.Td>
            <Table.Td ta="right">{r.lastYear}</Table.Td>
            <Table.Td ta="right">{signed(r.change)}</Table.Td>
          </Table.Tr>
        ))}
      </LessonsTable>
    </Section>
  );
}

export function OitItemsTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-oit" title={t('lessons.oit.title')} hint={t('lessons.oit.hint')}>
      <LessonsTable
        id="lessons-oit"
        minWidth={520}
        rows={l.oitItems.length}
        empty={t('lessons.oit.none')}
        columns={[
          { label: t('lessons.oit.item') },
          { label: t('lessons.oit.name') },
          { label: t('lessons.failed'), right: true },
          { label: t('lessons.assessed'), right: true },
        ]}
      >
        {l.oitItems.map((o) => (
          <Table.Tr key={o.code}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.code}</Table.Td>
            <Table.Th scope="row" fw={400}>
              {pick(o.title, lang)}
            </Table.Th>
            <Table.Td ta="right">{o.failed}</Table.Td>
            <Table.Td ta="right">{o.assessed}</Table.Td>
          </Table.Tr>
        ))}
      </LessonsTable>
    </Section>
  );
}

export function QuestionsTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section
      id="lessons-questions"
      title={t('lessons.questions.title')}
      hint={t('lessons.questions.hint', { mark: l.framework.passThreshold })}
    >
      <LessonsTable
        id="lessons-questions"
        minWidth={560}
        rows={l.questions.length}
        empty={t('lessons.questions.none')}
        columns={[
          { label: t('lessons.questions.instrument') },
          { label: t('lessons.questions.code') },
          { label: t('lessons.questions.text') },
          { label: t('lessons.failed'), right: true },
          { label: t('lessons.assessed'), right: true },
          { label: t('lessons.questions.mean'), right: true },
        ]}
      >
        {l.questions.map((q) => (
          <Table.Tr key={`${q.instrument}:${q.code}`}>
            <Table.Td>{q.instrument}</Table.Td>
            <Table.Td>{q.code}</Table.Td>
            <Table.Th scope="row" fw={400}>
              {pick(q.text, lang)}
            </Table.Th>
            <Table.Td ta="right">{q.failed}</Table.Td>
            <Table.Td ta="right">{q.assessed}</Table.Td>
            <Table.Td ta="right">{formatScore(q.mean)}</Table.Td>
          </Table.Tr>
        ))}
      </LessonsTable>
    </Section>
  );
}

export function TopPerformersTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-top" title={t('lessons.top.title')} hint={t('lessons.top.hint')}>
      <LessonsTable
        id="lessons-top"
        minWidth={520}
        rows={l.topPerformers.length}
        empty={t('lessons.top.none')}
        columns={[
          { label: t('lessons.agencyType') },
          { label: t('lessons.agency') },
          { label: t('lessons.total'), right: true },
          { label: t('lessons.rating') },
        ]}
      >
        {l.topPerformers.flatMap((g) =>
          g.agencies.map((a, i) => (
            <Table.Tr key={a.agency.id}>
              <Table.Td>{i === 0 ? pick(g.type, lang) : ''}</Table.Td>
              <AgencyCell agency={a.agency} />
              <Table.Td ta="right">{formatScore(a.total)}</Table.Td>
              <Table.Td>{pick(a.rating, lang)}</Table.Td>
            </Table.Tr>
          )),
        )}
      </LessonsTable>
    </Section>
  );
}

export function FellTable({ l }: { l: Lessons }) {
  const { t } = useLang();
  return (
    <Section id="lessons-fell" title={t('lessons.fell.title')} hint={t('lessons.fell.hint')}>
      <LessonsTable
        id="lessons-fell"
        minWidth={620}
        rows={l.fell.length}
        empty={t('lessons.fell.none')}
        columns={[
          { label: t('lessons.agency') },
          { label: t('lessons.fell.now', { year: l.year }), right: true },
          { label: t('lessons.fell.before', { year: l.summary.lastYear.year }), right: true },
          { label: t('lessons.fell.change'), right: true },
          { label: t('lessons.fell.note') },
        ]}
      >
        {l.fell.map((f) => (
          <Table.Tr key={f.agency.id}>
            <AgencyCell agency={f.agency} />
            <Table.Td ta="right">{formatScore(f.total)}</Table.Td>
            <Table.Td ta="right">{formatScore(f.lastYear.total)}</Table.Td>
            <Table.Td ta="right">{formatScore(f.change)}</Table.Td>
            <Table.Td>
              {[
                f.lostPass ? t('lessons.fell.lostPass') : null,
                f.lastYear.source === 'imported' ? t('lessons.fell.imported') : null,
              ]
                .filter(Boolean)
                .join(' · ') || '–'}
            </Table.Td>
          </Table.Tr>
        ))}
      </LessonsTable>
    </Section>
  );
}
