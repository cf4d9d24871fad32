// The supervising assessor's queue: entered interviews with their answers and paradata, to approve (the
// answers then count, anonymously) or reject with a reason. The interviewer sees their own entries here but
// cannot review them (four eyes).
import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  type Interview,
  type InterviewStatus,
  type Questionnaire,
  useInterviews,
  useQuestionnaire,
  useReview,
} from '../../api/interviews.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function ApprovalQueue({ agencyId, year }: { agencyId: string; year: number }) {
  const { t } = useLang();
  const [status, setStatus] = useState<InterviewStatus>('entered');
  const list = useInterviews(agencyId, year, status);
  const questionnaire = useQuestionnaire(agencyId, year, true);
  const review = useReview(agencyId, year);
  const [rejecting, setRejecting] = useState<Interview | null>(null);
  const [reason, setReason] = useState('');

  return (
    <Stack gap="md">
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as InterviewStatus)}
        aria-label={t('interviews.queue.filter')}
        data={(['entered', 'approved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`interviews.queue.status.${s}`),
        }))}
      />
      <ErrorAlert error={review.error} />
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<Text c="dimmed">{t('interviews.queue.empty')}</Text>}
      >
        {(data) => (
          <>
            {data.items.map((i) => (
              <Paper key={i.id} withBorder p="md" component="article" aria-label={i.contact.name}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap">
                    <Text fw={600}>{i.contact.name}</Text>
                    <StatusBadge status={i.outcome} />
                  </Group>
                  <InterviewFacts interview={i} />
                  {i.pendingAnswers && questionnaire.data && (
                    <AnswerList answers={i.pendingAnswers} questionnaire={questionnaire.data} />
                  )}
                  {i.reviewReason && (
                    <Text size="sm">{t('interviews.queue.reason', { reason: i.reviewReason })}</Text>
                  )}
                  {i.status === 'entered' &&
                    (i.canReview ? (
                      <Group gap="xs">
                        <Button
                          loading={review.isPending && review.variables?.id === i.id}
                          onClick={() => review.mutate({ id: i.id, decision: 'approve' })}
                        >
                          {t('interviews.queue.approve')}
                        </Button>
                        <Button variant="light" color="red" onClick={() => setRejecting(i)}>
                          {t('interviews.queue.reject')}
                        </Button>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('interviews.queue.ownEntry')}
                      </Text>
                    ))}
                </Stack>
              </Paper>
            ))}
          </>
        )}
      </QueryState>
      <Modal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('interviews.queue.rejectTitle')}
        centered
      >
        <Stack gap="md">
          <Textarea
            label={t('interviews.queue.rejectReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={3}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(null)}>
              {t('interviews.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={review.isPending}
              onClick={() =>
                rejecting &&
                review.mutate(
                  { id: rejecting.id, decision: 'reject', reason: reason.trim() },
                  {
                    onSuccess: () => {
                      setRejecting(null);
                      setReason('');
                    },
                  },
                )
              }
            >
              {t('interviews.queue.confirmReject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function InterviewFacts({ interview: i }: { interview: Interview }) {
  const { lang, t } = useLang();
  const minutes = Math.max(1, Math.round(i.durationSeconds / 60));
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('interviews.queue.when', {
          when: formatDateTime(i.startedAt, lang),
          minutes,
          who: i.interviewer?.displayName ?? '–',
        })}
      </Text>
      {i.reviewer && i.reviewedAt && (
        <Text size="sm" c="dimmed">
          {t('interviews.queue.reviewedBy', {
            who: i.reviewer.displayName,
            when: formatDateTime(i.reviewedAt, lang),
          })}
        </Text>
      )}
    </Stack>
  );
}

function AnswerList({
  answers,
  questionnaire,
}: {
  answers: Record<string, unknown>;
  questionnaire: Questionnaire;
}) {
  const { lang, t } = useLang();
  const questions = questionnaire.groups.flatMap((g) => g.questions);
  const label = (code: string, value: unknown) => {
    const q = questions.find((x) => x.code === code);
    const option = (v: unknown) => pick(q?.options.find((o) => o.value === v)?.label, lang) || String(v);
    if (typeof value === 'string') return option(value);
    return Object.entries(value as Record<string, unknown>)
      .map(([sub, v]) => `${sub}: ${option(v)}`)
      .join(' · ');
  };
  return (
    <details>
      <summary>
        <Badge variant="outline" component="span">
          {t('interviews.queue.answers', { count: Object.keys(answers).length })}
        </Badge>
      </summary>
      <Stack gap={2} mt="xs">
        {Object.entries(answers).map(([code, value]) => (
          <Text key={code} size="sm">
            <Text span fw={600}>
              {code}
            </Text>{' '}
            {label(code, value)}
          </Text>
        ))}
      </Stack>
    </details>
  );
}
