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

export function RatingsTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-ratings" title={t('lessons.ratings.title')}>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder striped aria-labelledby="lessons-ratings" data-testid="lessons-ratings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lessons.ratings.rating')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('lessons.ratings.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('lessons.ratings.percent')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('lessons.ratings.lastYear', { year: l.summary.lastYear.year })}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('lessons.ratings.change')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

export function OitItemsTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-oit" title={t('lessons.oit.title')} hint={t('lessons.oit.hint')}>
      {l.oitItems.length === 0 ? (
        <Empty text={t('lessons.oit.none')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder striped aria-labelledby="lessons-oit" data-testid="lessons-oit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lessons.oit.item')}</Table.Th>
                <Table.Th scope="col">{t('lessons.oit.name')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.failed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.assessed')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
      {l.questions.length === 0 ? (
        <Empty text={t('lessons.questions.none')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder striped aria-labelledby="lessons-questions" data-testid="lessons-questions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lessons.questions.instrument')}</Table.Th>
                <Table.Th scope="col">{t('lessons.questions.code')}</Table.Th>
                <Table.Th scope="col">{t('lessons.questions.text')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.failed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.assessed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.questions.mean')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

export function TopPerformersTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-top" title={t('lessons.top.title')} hint={t('lessons.top.hint')}>
      {l.topPerformers.length === 0 ? (
        <Empty text={t('lessons.top.none')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder striped aria-labelledby="lessons-top" data-testid="lessons-top">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lessons.agencyType')}</Table.Th>
                <Table.Th scope="col">{t('lessons.agency')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.total')}
                </Table.Th>
                <Table.Th scope="col">{t('lessons.rating')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.topPerformers.flatMap((g) =>
                g.agencies.map((a, i) => (
                  <Table.Tr key={a.agency.id}>
                    <Table.Td>{i === 0 ? pick(g.type, lang) : ''}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      {pickName(a.agency, lang)}{' '}
                      <Text span size="xs" c="dimmed">
                        {a.agency.code}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">{formatScore(a.total)}</Table.Td>
                    <Table.Td>{pick(a.rating, lang)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

export function FellTable({ l }: { l: Lessons }) {
  const { lang, t } = useLang();
  return (
    <Section id="lessons-fell" title={t('lessons.fell.title')} hint={t('lessons.fell.hint')}>
      {l.fell.length === 0 ? (
        <Empty text={t('lessons.fell.none')} />
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table withTableBorder striped aria-labelledby="lessons-fell" data-testid="lessons-fell">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lessons.agency')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.fell.now', { year: l.year })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.fell.before', { year: l.summary.lastYear.year })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('lessons.fell.change')}
                </Table.Th>
                <Table.Th scope="col">{t('lessons.fell.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.fell.map((f) => (
                <Table.Tr key={f.agency.id}>
                  <Table.Th scope="row" fw={400}>
                    {pickName(f.agency, lang)}{' '}
                    <Text span size="xs" c="dimmed">
                      {f.agency.code}
                    </Text>
                  </Table.Th>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
