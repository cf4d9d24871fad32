// The agency's clarification of an item scored 0 — its explanation and where on the original pages the data
// was — judged against the original snapshot shown above it; the assessor accepts (the item scores 100) or
// rejects it with a reason.
import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useEffect, useRef, useState } from 'react';
import {
  type AssessmentItem,
  type Clarification,
  useDecideClarification,
} from '../../../api/oit-assessment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';

export function ClarificationBlock({
  item,
  clarification: c,
  agencyId,
  year,
}: {
  item: AssessmentItem;
  clarification: Clarification;
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const decide = useDecideClarification(agencyId, year);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // The reason box takes the focus when it appears, so keyboard users continue where they are.
  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  const send = (decision: 'accepted' | 'rejected') =>
    decide.mutate(
      { code: item.code, body: decision === 'accepted' ? { decision } : { decision, reason: reason.trim() } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t(`oitAssess.clarification.decided.${decision}`, { code: item.code }),
          }),
      },
    );

  return (
    <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t('oitAssess.clarification.title')}</Text>
          {c.decision === null ? (
            <Badge color="orange" variant="light">
              {t('oitAssess.clarification.undecided')}
            </Badge>
          ) : (
            <Badge color={c.decision === 'accepted' ? 'green' : 'red'} variant="light">
              {t(`oitAssess.clarification.decision.${c.decision}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('oitAssess.clarification.filed', {
            who: c.filedBy?.displayName ?? '–',
            when: formatDateTime(c.filedAt, lang),
          })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('oitAssess.clarification.explanation', { text: c.explanation })}
        </Text>
        {c.location && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t('oitAssess.clarification.location', { text: c.location })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('oitAssess.clarification.judgeAgainstOriginal')}
        </Text>
        {c.decision !== null && (
          <>
            {c.decisionReason && (
              <Text size="sm">{t('oitAssess.clarification.reasonIs', { text: c.decisionReason })}</Text>
            )}
            {c.decidedAt && (
              <Text size="xs" c="dimmed">
                {t('oitAssess.clarification.decidedBy', {
                  who: c.decidedBy?.displayName ?? '–',
                  when: formatDateTime(c.decidedAt, lang),
                })}
              </Text>
            )}
          </>
        )}
        {item.can.decide && c.decision === null && (
          <Stack gap="xs">
            <ErrorAlert error={decide.error} />
            {rejecting ? (
              <>
                <Textarea
                  label={t('oitAssess.clarification.rejectReason', { code: item.code })}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
                  required
                  autosize
                  minRows={2}
                  ref={reasonRef}
                />
                <Group gap="xs">
                  <Button
                    color="red"
                    disabled={reason.trim() === ''}
                    loading={decide.isPending}
                    onClick={() => send('rejected')}
                  >
                    {t('oitAssess.clarification.confirmReject', { code: item.code })}
                  </Button>
                  <Button variant="default" onClick={() => setRejecting(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </>
            ) : (
              <Group gap="xs">
                <Button color="green" loading={decide.isPending} onClick={() => send('accepted')}>
                  {t('oitAssess.clarification.accept', { code: item.code })}
                </Button>
                <Button variant="light" color="red" onClick={() => setRejecting(true)}>
                  {t('oitAssess.clarification.reject', { code: item.code })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
