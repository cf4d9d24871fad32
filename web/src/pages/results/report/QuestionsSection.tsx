// IIT and EIT question by question, each under the code ITAS shows (i2, ES2, EP4) with its text; the
// weakest questions (the server's rule) are marked with ▼ and words, not by colour alone.
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AgencyReport, ReportQuestion } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { groupInOrder } from './report-view.ts';

function QuestionTable({
  instrument,
  questions,
  name,
}: {
  instrument: string;
  questions: ReportQuestion[];
  name: string;
}) {
  const { lang, t } = useLang();
  const id = `report-questions-${instrument}`;
  return (
    <Stack gap="xs" className="report-subsection">
      <Title order={3} size="h4" id={id}>
        {t('report.questions.heading', { instrument: name })}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder striped aria-labelledby={id} data-testid={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.questions.code')}</Table.Th>
              <Table.Th scope="col">{t('report.questions.question')}</Table.Th>
              <Table.Th scope="col" ta="center">
                {t('report.questions.indicator')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.questions.score')}
              </Table.Th>
              <Table.Th scope="col">{t('report.questions.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questions.map((q) => (
              <Table.Tr key={q.code} data-weakest={q.weakest || undefined}>
                <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {q.displayCode}
                </Table.Th>
                <Table.Td>{pick(q.text, lang)}</Table.Td>
                <Table.Td ta="center">{q.indicator}</Table.Td>
                <Table.Td ta="right" fw={q.weakest ? 700 : undefined}>
                  {formatScore(q.score)}
                </Table.Td>
                <Table.Td>
                  {q.weakest && (
                    <Text span size="sm" fw={700} c="orange.9" style={{ whiteSpace: 'nowrap' }}>
                      <span aria-hidden>▼ </span>
                      {t('report.questions.weakest')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function QuestionsSection({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const groups = groupInOrder(report.questions, (q) => q.instrument);
  const nameOf = (code: string) => {
    const inst = report.instruments.find((i) => i.code === code);
    return inst ? pick(inst.name, lang) : code;
  };
  const unprocessed = report.instruments.filter((i) => i.n !== null && !groups.some((g) => g.key === i.code));
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      className="report-section report-break"
    >
      <Stack gap="lg">
        {groups.map((g) => (
          <QuestionTable key={g.key} instrument={g.key} questions={g.items} name={nameOf(g.key)} />
        ))}
        {unprocessed.map((i) => (
          <Stack gap={4} key={i.code} className="report-subsection">
            <Title order={3} size="h4">
              {t('report.questions.heading', { instrument: pick(i.name, lang) })}
            </Title>
            <Text c="dimmed">{t('report.questions.none')}</Text>
          </Stack>
        ))}
        {groups.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('report.questions.weakestHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
