// The review steps of an agency's OIT, on the agency's checklist (submit for approval, approve, return items)
// and on the assessor's page (submit the assessment, confirm the result, reopen it). Each side lists its
// steps; the server's `can` decides which are offered. A step may ask first (a confirmation, with a reason
// when one is required, or a dialog of its own); a refusal that names items lists them as links.
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';

export interface StepConfirmation {
  title: string;
  body: string;
  go: string;
  color?: string;
  /** A reason is required: the label of its box and its longest length. */
  reason?: { label: string; maxLength: number };
}

export interface ReviewStep {
  key: string;
  offered: boolean;
  /** What the step does, shown above the buttons while it is offered. */
  hint?: ReactNode;
  label: string;
  color?: string;
  variant?: 'filled' | 'light';
  disabled?: boolean;
  pending: boolean;
  /** The step's error, unless the refusal below shows it. */
  error: unknown;
  /** Shown (role=status) after the step succeeded. */
  done?: string | false;
  ask?: StepConfirmation | { dialog: (close: () => void) => ReactNode };
  /** Runs the step; `close` closes its confirmation once the server answered. */
  run: (reason: string, close: () => void) => void;
}

export interface Refusal {
  /** The server's message (with its title), or the error itself. */
  title?: string;
  message?: ReactNode;
  items: readonly { code: string; label: string }[];
  onGoTo: (code: string) => void;
}

export function ReviewActions({
  title,
  facts,
  steps,
  refusal,
  framed = true,
}: {
  title?: string;
  /** In a paper of its own (false: inside the caller's). */
  framed?: boolean;
  /** Who did what when (the review's history) and hints that are not a step's. */
  facts?: ReactNode;
  steps: readonly ReviewStep[];
  refusal?: Refusal | null;
}) {
  const { t } = useLang();
  const [asking, setAsking] = useState<ReviewStep | null>(null);
  const [reason, setReason] = useState('');
  const offered = steps.filter((s) => s.offered);
  const close = () => {
    setAsking(null);
    setReason('');
  };
  const start = (step: ReviewStep) => {
    if (step.ask) setAsking(step);
    else step.run('', close);
  };
  if (!title && !facts && offered.length === 0 && !refusal && steps.every((s) => !s.error && !s.done))
    return null;

  const ask = asking?.ask;
  const body = (
    <>
      <Stack gap="sm">
        {title && (
          <Title order={2} size="h4">
            {title}
          </Title>
        )}
        {facts}
        {offered.map(
          (s) =>
            s.hint && (
              <div key={s.key}>{typeof s.hint === 'string' ? <Text size="sm">{s.hint}</Text> : s.hint}</div>
            ),
        )}
        {steps.map(
          (s) =>
            s.done && (
              <Alert key={s.key} color="green" role="status">
                {s.done}
              </Alert>
            ),
        )}
        {refusal ? (
          <Alert color="red" role="alert" title={refusal.title ?? t('common.errorTitle')}>
            {refusal.message}
            <List size="sm" mt="xs" spacing={2}>
              {refusal.items.map((i) => (
                <List.Item key={i.code}>
                  <Anchor component="button" type="button" size="sm" onClick={() => refusal.onGoTo(i.code)}>
                    {i.label}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {steps.map((s) =>
          // A step asking for a reason shows its error in its dialog.
          s.ask && 'reason' in s.ask && s.ask.reason ? null : <ErrorAlert key={s.key} error={s.error} />,
        )}
        {offered.length > 0 && (
          <Group gap="sm" wrap="wrap">
            {offered.map((s) => (
              <Button
                key={s.key}
                color={s.color}
                variant={s.variant ?? 'filled'}
                disabled={s.disabled}
                loading={s.pending}
                onClick={() => start(s)}
              >
                {s.label}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {asking && ask && 'dialog' in ask && ask.dialog(close)}
      {ask && !('dialog' in ask) && asking && (
        <Modal opened onClose={close} title={ask.title} centered>
          <Stack gap="md">
            <Text size="sm">{ask.body}</Text>
            {ask.reason && (
              <Textarea
                label={ask.reason.label}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={ask.reason.maxLength}
                required
                autosize
                minRows={3}
                data-autofocus
              />
            )}
            {ask.reason && <ErrorAlert error={asking.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                color={ask.color}
                loading={asking.pending}
                disabled={Boolean(ask.reason) && reason.trim() === ''}
                onClick={() => asking.run(reason.trim(), close)}
                data-autofocus={ask.reason ? undefined : true}
              >
                {ask.go}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
  return framed ? (
    <Paper withBorder p="md">
      {body}
    </Paper>
  ) : (
    body
  );
}
