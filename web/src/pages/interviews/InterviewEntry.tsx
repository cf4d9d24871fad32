// The interviewer's screen for one contact: who to call, the call's start, its outcome and — when the
// interview took place — the questionnaire. Time per question is captured as the interviewer moves through
// the questions (paradata); start and end times are taken when the call starts and when it is saved.
import { Alert, Anchor, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import {
  type Outcome,
  type Questionnaire,
  type SampleContact,
  useEnterInterview,
  useQuestionnaire,
} from '../../api/interviews.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { formatPhone, phoneHref } from '../../lib/phone.ts';
import { questionTimer } from './timing.ts';

const OUTCOMES: Outcome[] = ['completed', 'refused', 'unreachable', 'wrong_number'];
type Answers = Record<string, string | Record<string, string>>;

interface Props {
  agencyId: string;
  year: number;
  contact: SampleContact;
  onDone(): void;
}

export function InterviewEntry({ agencyId, year, contact, onDone }: Props) {
  const { lang, t } = useLang();
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const timer = useRef(questionTimer());
  const questionnaire = useQuestionnaire(agencyId, year, outcome === 'completed');
  const enter = useEnterInterview(agencyId, year);
  const c = contact.contact;

  const save = () => {
    if (!startedAt || !outcome) return;
    const completed = outcome === 'completed';
    enter.mutate(
      {
        contactId: contact.id,
        outcome,
        startedAt: startedAt.toISOString(),
        endedAt: new Date().toISOString(),
        paradata: { questionDurations: completed ? timer.current.durations(Date.now()) : {} },
        ...(completed ? { answers } : {}),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="contact-card-title">
        <Title order={2} size="h4" id="contact-card-title" mb="xs">
          {c?.name ?? t('interviews.sample.removed')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('interviews.contact.phone')}>
            {c?.phone ? <Anchor href={phoneHref(c.phone)}>{formatPhone(c.phone)}</Anchor> : '–'}
          </Field>
          <Field label={t('interviews.contact.email')}>{c?.email ?? '–'}</Field>
          <Field label={t('interviews.contact.relation')}>{c?.relation ?? '–'}</Field>
        </SimpleGrid>
      </Paper>

      {!startedAt ? (
        <Group>
          <Button size="md" onClick={() => setStartedAt(new Date())}>
            {t('interviews.entry.start')}
          </Button>
          <Button size="md" variant="default" onClick={onDone}>
            {t('interviews.cancel')}
          </Button>
        </Group>
      ) : (
        <Stack gap="md">
          <Text size="sm" role="status">
            {t('interviews.entry.startedAt', { when: formatDateTime(startedAt, lang) })}
          </Text>
          <Stack gap="xs" role="group" aria-labelledby="outcome-label">
            <Text fw={600} id="outcome-label">
              {t('interviews.entry.outcome')}
            </Text>
            <Group gap="xs">
              {OUTCOMES.map((o) => (
                <Button
                  key={o}
                  size="md"
                  variant={outcome === o ? 'filled' : 'default'}
                  aria-pressed={outcome === o}
                  onClick={() => setOutcome(o)}
                >
                  {t(`interviews.outcome.${o}`)}
                </Button>
              ))}
            </Group>
          </Stack>
          {outcome === 'completed' && questionnaire.isPending && <Loading />}
          <ErrorAlert error={questionnaire.error} />
          {outcome === 'completed' && questionnaire.data && (
            <QuestionnaireForm
              questionnaire={questionnaire.data}
              answers={answers}
              onAnswer={(code, value) => setAnswers((a) => ({ ...a, [code]: value }))}
              onTouch={(code) => timer.current.touch(code, Date.now())}
            />
          )}
          <ErrorAlert error={enter.error} />
          <Group>
            <Button size="md" onClick={save} disabled={!outcome} loading={enter.isPending}>
              {outcome === 'completed'
                ? t('interviews.entry.saveInterview')
                : t('interviews.entry.saveOutcome')}
            </Button>
            <Button size="md" variant="default" onClick={onDone}>
              {t('interviews.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md">{children}</Text>
    </div>
  );
}

function QuestionnaireForm({
  questionnaire,
  answers,
  onAnswer,
  onTouch,
}: {
  questionnaire: Questionnaire;
  answers: Answers;
  onAnswer(code: string, value: string | Record<string, string>): void;
  onTouch(code: string): void;
}) {
  const { lang, t } = useLang();
  const questions = useMemo(() => questionnaire.groups.flatMap((g) => g.questions), [questionnaire]);
  const answered = questions.filter((q) => {
    const a = answers[q.code];
    return q.subItems.length === 0
      ? typeof a === 'string'
      : q.subItems.every((s) => (a as Record<string, string> | undefined)?.[s.code]);
  }).length;
  return (
    <Stack gap="lg">
      <Alert color="blue" variant="light">
        {t('interviews.entry.answered', { answered, total: questions.length })}
      </Alert>
      {questionnaire.groups.map((g) => (
        <Stack key={g.indicator.code} gap="md">
          <Title order={3} size="h5">
            {pick(g.indicator.name, lang)}
          </Title>
          {g.questions.map((q) => {
            const options = q.options.map((o) => (
              <Radio key={o.value} value={o.value} label={pick(o.label, lang)} />
            ));
            return (
              <Paper
                key={q.code}
                withBorder
                p="md"
                onFocusCapture={() => onTouch(q.code)}
                onPointerDownCapture={() => onTouch(q.code)}
              >
                {q.subItems.length === 0 ? (
                  <Radio.Group
                    label={`${q.code}. ${pick(q.text, lang)}`}
                    value={(answers[q.code] as string | undefined) ?? null}
                    onChange={(v) => onAnswer(q.code, v)}
                  >
                    <Stack gap="xs" mt="xs">
                      {options}
                    </Stack>
                  </Radio.Group>
                ) : (
                  <Stack gap="sm">
                    <Text fw={500}>{`${q.code}. ${pick(q.text, lang)}`}</Text>
                    {q.subItems.map((s) => {
                      const current = (answers[q.code] as Record<string, string> | undefined) ?? {};
                      return (
                        <Radio.Group
                          key={s.code}
                          label={pick(s.text, lang)}
                          value={current[s.code] ?? null}
                          onChange={(v) => onAnswer(q.code, { ...current, [s.code]: v })}
                        >
                          <Group gap="md" mt="xs">
                            {options}
                          </Group>
                        </Radio.Group>
                      );
                    })}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
