// The assessment's agency-level steps: submit it (every approved item scored), confirm the final result
// (every clarification decided) and, for NACC admins, reopen a confirmed result with a reason; the review's
// history above them. The server refuses with the items still missing, listed as links to their cards.
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import {
  type Assessment,
  useConfirmResult,
  useReopenResult,
  useSubmitAssessment,
} from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime, formatScore } from '../../../lib/format.ts';
import { ReviewActions } from '../shared/ReviewActions.tsx';
import { itemCodesOf } from './assess-view.ts';

export function AssessmentReview({
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
  const { review, counts } = a;
  const failed = submit.error ?? confirm.error;
  const named = itemCodesOf(failed);
  const history = review.assessedAt || review.confirmedAt || review.reopenedAt;
  if (!a.can.submit && !a.can.confirm && !a.can.reopen && !failed && !history) return null;

  const done = (key: string) => (r: { oitScore: { score: number } | null }) =>
    notifications.show({
      color: 'green',
      message: t(key, { score: r.oitScore ? formatScore(r.oitScore.score) : '–' }),
    });
  const ask = (step: 'submit' | 'confirm' | 'reopen') => ({
    title: t(`oitAssess.review.ask.${step}Title`),
    body: t(`oitAssess.review.ask.${step}Body`, {
      agency: a.agency.nameTh,
      scored: counts.scored,
      approved: counts.approved,
    }),
    go: t(`oitAssess.review.ask.${step}Go`),
  });

  return (
    <ReviewActions
      title={t('oitAssess.review.title')}
      facts={
        <>
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
          {review.status === 'assessed' && counts.undecided > 0 && (
            <Text size="sm">{t('oitAssess.review.undecidedHint', { n: counts.undecided })}</Text>
          )}
        </>
      }
      steps={[
        {
          key: 'submit',
          offered: a.can.submit,
          hint: t('oitAssess.review.submitHint', { scored: counts.scored, approved: counts.approved }),
          label: t('oitAssess.review.submit'),
          pending: submit.isPending,
          error: named.length > 0 ? null : submit.error,
          ask: ask('submit'),
          run: (_reason, close) => {
            close();
            submit.mutate(undefined, { onSuccess: done('oitAssess.review.submitted') });
          },
        },
        {
          key: 'confirm',
          offered: a.can.confirm,
          label: t('oitAssess.review.confirm'),
          pending: confirm.isPending,
          error: named.length > 0 ? null : confirm.error,
          ask: ask('confirm'),
          run: (_reason, close) => {
            close();
            confirm.mutate(undefined, { onSuccess: done('oitAssess.review.confirmed') });
          },
        },
        {
          key: 'reopen',
          offered: a.can.reopen,
          label: t('oitAssess.review.reopen'),
          color: 'orange',
          variant: 'light',
          pending: reopen.isPending,
          error: reopen.error,
          ask: {
            ...ask('reopen'),
            color: 'orange',
            reason: { label: t('oitAssess.review.reopenReason'), maxLength: OIT_ASSESSMENT_TEXT_MAX_LENGTH },
          },
          run: (reason, close) =>
            reopen.mutate(reason, {
              onSuccess: (r) => {
                close();
                done('oitAssess.review.reopened')(r);
              },
            }),
        },
      ]}
      refusal={
        named.length > 0
          ? {
              message: <Text size="sm">{failed instanceof ApiError ? failed.messageIn(lang) : null}</Text>,
              items: named.map((code) => ({ code, label: t('oitAssess.review.goToItem', { code }) })),
              onGoTo: onShowItem,
            }
          : null
      }
    />
  );
}
