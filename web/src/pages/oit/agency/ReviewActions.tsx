// The review actions of the checklist: the agency admin submits every answered item for approval (and sees
// the server's list of unanswered items when it refuses); the executive approves everything submitted or
// returns selected items, each with a comment. The server's `can` decides which are offered.
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { OIT_RETURN_COMMENT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type Checklist, useApproveOit, useReturnOit, useSubmitOit } from '../../../api/oit.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { allItems, messageOf, unansweredOf } from './oit-view.ts';

export function ReviewActions({
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
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [returning, setReturning] = useState(false);
  const items = allItems(c);
  const titleOf = (code: string) => pick(items.find((i) => i.code === code)?.title, lang);
  const unanswered = unansweredOf(submit.error);
  const waiting = items.filter((i) => i.answer.state === 'submitted').length;

  return (
    <Stack gap="sm">
      {c.can.submit && (
        <Stack gap="xs">
          <Text size="sm">
            {c.unanswered.length > 0
              ? t('oit.submit.hintMissing', { n: c.unanswered.length })
              : t('oit.submit.hintReady')}
          </Text>
          <Group>
            <Button loading={submit.isPending} onClick={() => submit.mutate()}>
              {t('oit.submit.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {submit.isSuccess && (
        <Alert color="green" role="status">
          {t('oit.submit.done')}
        </Alert>
      )}
      {unanswered ? (
        <Alert color="red" role="alert" title={t('oit.submit.refused')}>
          <Text size="sm">{messageOf(submit.error, lang)}</Text>
          <Text size="sm">{t('oit.submit.refusedHint')}</Text>
          <List size="sm" mt="xs" spacing={2}>
            {unanswered.map((code) => (
              <List.Item key={code}>
                <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(code)}>
                  {code} · {titleOf(code)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <ErrorAlert error={submit.error} />
      )}

      {c.can.approve && (
        <Stack gap="xs">
          <Text size="sm">{t('oit.approve.hint', { n: waiting })}</Text>
          <Group>
            <Button color="green" onClick={() => setConfirmApprove(true)} disabled={waiting === 0}>
              {t('oit.approve.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {approve.isSuccess && (
        <Alert color="green" role="status">
          {t('oit.approve.done')}
        </Alert>
      )}
      <ErrorAlert error={approve.error} />

      {c.can.return && (
        <Stack gap="xs">
          <Text size="sm">{t('oit.return.hint')}</Text>
          <Group>
            <Button
              variant="light"
              color="orange"
              disabled={selected.length === 0}
              onClick={() => setReturning(true)}
            >
              {t('oit.return.button', { n: selected.length })}
            </Button>
          </Group>
        </Stack>
      )}

      <Modal
        opened={confirmApprove}
        onClose={() => setConfirmApprove(false)}
        title={t('oit.approve.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('oit.approve.confirmText', { n: waiting })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmApprove(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              loading={approve.isPending}
              onClick={() => approve.mutate(undefined, { onSettled: () => setConfirmApprove(false) })}
            >
              {t('oit.approve.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {returning && (
        <ReturnModal
          checklist={c}
          codes={selected}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            onReturned();
          }}
        />
      )}
    </Stack>
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
