// The agency-level steps: submit the assessment (every approved item scored), confirm the final result
// (every clarification decided) and, for NACC admins, reopen a confirmed result with a reason. The server
// says which are possible (`can`) and refuses with the items still missing, listed here as links.
import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import {
  type Assessment,
  useConfirmResult,
  useReopenResult,
  useSubmitAssessment,
} from '../../../api/oit-assessment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime, formatScore } from '../../../lib/format.ts';
import { itemAnchor, itemCodesOf } from './assess-view.ts';

type Step = 'submit' | 'confirm' | 'reopen';

export function ReviewActions({
  assessment: a,
  onShowItem,
}: {
  assessment: Assessment;
  /** Brings an item's card into view (and focus). */
  onShowItem: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const submit = useSubmitAssessment(a.agency.id, a.year);
  const confirm = useConfirmResult(a.agency.id, a.year);
  const reopen = useReopenResult(a.agency.id, a.year);
  const [asking, setAsking] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const { review, counts } = a;
  const failed = submit.error ?? confirm.error;
  const named = itemCodesOf(failed);

  const done = (key: string) => (r: { oitScore: { score: number } | null }) => {
    setAsking(null);
    setReason('');
    notifications.show({
      color: 'green',
      message: t(key, { score: r.oitScore ? formatScore(r.oitScore.score) : '–' }),
    });
  };
  const run = (step: Step) => {
    if (step === 'submit') submit.mutate(undefined, { onSuccess: done('oitAssess.review.submitted') });
    if (step === 'confirm') confirm.mutate(undefined, { onSuccess: done('oitAssess.review.confirmed') });
    if (step === 'reopen') reopen.mutate(reason.trim(), { onSuccess: done('oitAssess.review.reopened') });
  };
  const pending = submit.isPending || confirm.isPending || reopen.isPending;
  const anything = a.can.submit || a.can.confirm || a.can.reopen || failed;
  const history = review.assessedAt || review.confirmedAt || review.reopenedAt;
  if (!anything && !history) return null;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('oitAssess.review.title')}
        </Title>
        {review.assessedAt && (
          <Text size="sm">
            {t('oitAssess.review.assessedBy', {
              who: review.assessedBy?.displayName ?? '–',
              when: formatDateTime(review.assessedAt, lang),
            })}
          </Text>
        )}
        {review.confirmedAt && (
          <Text size="sm">
            {t('oitAssess.review.confirmedBy', {
              who: review.confirmedBy?.displayName ?? '–',
              when: formatDateTime(review.confirmedAt, lang),
            })}
          </Text>
        )}
        {review.reopenedAt && (
          <Text size="sm">
            {t('oitAssess.review.reopenedBy', {
              who: review.reopenedBy?.displayName ?? '–',
              when: formatDateTime(review.reopenedAt, lang),
              reason: review.reopenReason ?? '–',
            })}
          </Text>
        )}
        {a.can.submit && (
          <Text size="sm">
            {t('oitAssess.review.submitHint', { scored: counts.scored, approved: counts.approved })}
          </Text>
        )}
        {a.review.status === 'assessed' && counts.undecided > 0 && (
          <Text size="sm">{t('oitAssess.review.undecidedHint', { n: counts.undecided })}</Text>
        )}
        <ErrorAlert error={failed} />
        {named.length > 0 && (
          <nav aria-label={t('oitAssess.review.namedItems')}>
            <Group gap="xs" wrap="wrap">
              {named.map((code) => (
                <Anchor
                  key={code}
                  size="sm"
                  href={`#${itemAnchor(code)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onShowItem(code);
                  }}
                >
                  {t('oitAssess.review.goToItem', { code })}
                </Anchor>
              ))}
            </Group>
          </nav>
        )}
        <Group gap="sm" wrap="wrap">
          {a.can.submit && (
            <Button onClick={() => setAsking('submit')} loading={submit.isPending}>
              {t('oitAssess.review.submit')}
            </Button>
          )}
          {a.can.confirm && (
            <Button onClick={() => setAsking('confirm')} loading={confirm.isPending}>
              {t('oitAssess.review.confirm')}
            </Button>
          )}
          {a.can.reopen && (
            <Button variant="light" color="orange" onClick={() => setAsking('reopen')}>
              {t('oitAssess.review.reopen')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`oitAssess.review.ask.${asking}Title`) : ''}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {asking &&
              t(`oitAssess.review.ask.${asking}Body`, {
                agency: a.agency.nameTh,
                scored: counts.scored,
                approved: counts.approved,
              })}
          </Text>
          {asking === 'reopen' && (
            <Textarea
              label={t('oitAssess.review.reopenReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
              required
              autosize
              minRows={3}
              data-autofocus
            />
          )}
          <ErrorAlert error={asking === 'reopen' ? reopen.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={pending}
              disabled={asking === 'reopen' && reason.trim() === ''}
              color={asking === 'reopen' ? 'orange' : undefined}
              onClick={() => {
                if (!asking) return;
                if (asking !== 'reopen') setAsking(null);
                run(asking);
              }}
              data-autofocus={asking !== 'reopen' ? true : undefined}
            >
              {asking ? t(`oitAssess.review.ask.${asking}Go`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
