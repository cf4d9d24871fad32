// The checklist's review steps: the agency admin submits every answered item for approval (the server's list
// of unanswered items is shown when it refuses); the executive approves everything submitted or returns
// selected items, each with a comment. The shared <ReviewActions> lays them out.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { OIT_RETURN_COMMENT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type Checklist, useApproveOit, useReturnOit, useSubmitOit } from '../../../api/oit.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { ReviewActions } from '../shared/ReviewActions.tsx';
import { allItems, messageOf, unansweredOf } from './oit-view.ts';

export function ChecklistReview({
  checklist: c,
  selected,
  onGoTo,
  onReturned,
}: {
  checklist: Checklist;
  selected: string[];
  onGoTo: (code: string) => void;
  onReturned: () => void;
}) {
  const { lang, t } = useLang();
  const submit = useSubmitOit(c.agency.id, c.year);
  const approve = useApproveOit(c.agency.id, c.year);
  const items = allItems(c);
  const titleOf = (code: string) => pick(items.find((i) => i.code === code)?.title, lang);
  const unanswered = unansweredOf(submit.error);
  const waiting = items.filter((i) => i.answer.state === 'submitted').length;

  return (
    <ReviewActions
      framed={false}
      steps={[
        {
          key: 'submit',
          offered: c.can.submit,
          hint:
            c.unanswered.length > 0
              ? t('oit.submit.hintMissing', { n: c.unanswered.length })
              : t('oit.submit.hintReady'),
          label: t('oit.submit.button'),
          pending: submit.isPending,
          error: unanswered ? null : submit.error,
          done: submit.isSuccess && t('oit.submit.done'),
          run: () => submit.mutate(),
        },
        {
          key: 'approve',
          offered: c.can.approve,
          hint: t('oit.approve.hint', { n: waiting }),
          label: t('oit.approve.button'),
          color: 'green',
          disabled: waiting === 0,
          pending: approve.isPending,
          error: approve.error,
          done: approve.isSuccess && t('oit.approve.done'),
          ask: {
            title: t('oit.approve.confirmTitle'),
            body: t('oit.approve.confirmText', { n: waiting }),
            go: t('oit.approve.confirm'),
            color: 'green',
          },
          run: (_reason, close) => approve.mutate(undefined, { onSettled: close }),
        },
        {
          key: 'return',
          offered: c.can.return,
          hint: t('oit.return.hint'),
          label: t('oit.return.button', { n: selected.length }),
          color: 'orange',
          variant: 'light',
          disabled: selected.length === 0,
          pending: false,
          error: null,
          ask: {
            dialog: (close) => (
              <ReturnModal
                checklist={c}
                codes={selected}
                onClose={close}
                onDone={() => {
                  close();
                  onReturned();
                }}
              />
            ),
          },
          run: () => {},
        },
      ]}
      refusal={
        unanswered && {
          title: t('oit.submit.refused'),
          message: (
            <>
              <Text size="sm">{messageOf(submit.error, lang)}</Text>
              <Text size="sm">{t('oit.submit.refusedHint')}</Text>
            </>
          ),
          items: unanswered.map((code) => ({ code, label: `${code} · ${titleOf(code)}` })),
          onGoTo,
        }
      }
    />
  );
}

function ReturnModal({
  checklist: c,
  codes,
  onClose,
  onDone,
}: {
  checklist: Checklist;
  codes: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { lang, t } = useLang();
  const ret = useReturnOit(c.agency.id, c.year);
  const [comments, setComments] = useState<Record<string, string>>({});
  const items = allItems(c).filter((i) => codes.includes(i.code));
  const missing = codes.filter((code) => !(comments[code] ?? '').trim());

  return (
    <Modal opened onClose={onClose} title={t('oit.return.title')} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (missing.length > 0) return;
          ret.mutate(
            { items: codes.map((code) => ({ code, comment: (comments[code] ?? '').trim() })) },
            { onSuccess: onDone },
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('oit.return.intro')}</Text>
          {items.map((i, n) => (
            <Textarea
              key={i.code}
              label={`${i.code} · ${pick(i.title, lang)}`}
              description={t('oit.return.commentHint')}
              value={comments[i.code] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setComments((m) => ({ ...m, [i.code]: v }));
              }}
              maxLength={OIT_RETURN_COMMENT_MAX_LENGTH}
              required
              autosize
              minRows={2}
              data-autofocus={n === 0 ? true : undefined}
            />
          ))}
          <ErrorAlert error={ret.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={ret.isPending} disabled={missing.length > 0}>
              {t('oit.return.confirm', { n: codes.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
