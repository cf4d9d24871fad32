// One line of advice: the question it cites (code as ITAS shows it, with its text) or the instrument as a
// whole, ประเด็น (what was found) and ข้อเสนอแนะ (what to do).
import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import type { AdviceQuestion } from '../../../api/advice.ts';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import type { DraftEntry, EntryProblem } from './advice-draft.ts';

export function EntryCard({
  entry,
  number,
  questions,
  problems,
  limits,
  onChange,
  onRemove,
}: {
  entry: DraftEntry;
  number: number;
  questions: AdviceQuestion[];
  problems: EntryProblem[];
  limits: { issue: number; advice: number };
  onChange: (patch: Partial<DraftEntry>) => void;
  onRemove: () => void;
}) {
  const { lang, t } = useLang();
  const label = t('advice.line', { n: number, instrument: t(`advice.instrument.${entry.instrument}`) });
  const cited = questions.find((q) => q.displayCode === entry.questionCode);
  const error = (missing: EntryProblem, tooLong: EntryProblem, max: number) =>
    problems.includes(missing)
      ? t('advice.required')
      : problems.includes(tooLong)
        ? t('advice.tooLong', { max })
        : undefined;
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={label} style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-end">
          <Select
            label={t('advice.question')}
            data={[
              { value: '', label: t('advice.whole') },
              ...questions.map((q) => ({
                value: q.displayCode,
                label: `${q.displayCode} — ${pick(q.text, lang)}`,
              })),
            ]}
            value={entry.questionCode}
            onChange={(v) => onChange({ questionCode: v ?? '' })}
            allowDeselect={false}
            searchable
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('advice.removeLine', { line: label })}
          >
            {t('advice.remove')}
          </Button>
        </Group>
        {cited && (
          <Text size="xs" c="dimmed">
            {t('advice.indicator', { code: cited.indicator })} · {pick(cited.text, lang)}
          </Text>
        )}
        <Textarea
          label={t('advice.issue')}
          description={t('advice.issueHint')}
          autosize
          minRows={2}
          maxLength={limits.issue}
          value={entry.issue}
          error={error('issue', 'issueTooLong', limits.issue)}
          onChange={(e) => onChange({ issue: e.currentTarget.value })}
        />
        <Textarea
          label={t('advice.advice')}
          description={t('advice.adviceHint')}
          autosize
          minRows={2}
          maxLength={limits.advice}
          value={entry.advice}
          error={error('advice', 'adviceTooLong', limits.advice)}
          onChange={(e) => onChange({ advice: e.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
