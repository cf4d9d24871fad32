// The flagged (or already reviewed) responses of an agency, each with its flags explained and the
// assessor's decision: keep, exclude (a written reason is required) or undo.
import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { type FlaggedResponse, useReviewDecision } from '../../api/quality.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';

export function FlaggedResponsesTable({ responses }: { responses: FlaggedResponse[] }) {
  const { lang, t } = useLang();
  const decide = useReviewDecision();
  const [excluding, setExcluding] = useState<FlaggedResponse | null>(null);

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('quality.flaggedResponses')}
      </Title>
      <ErrorAlert error={excluding ? null : decide.error} />
      {responses.length === 0 ? (
        <Text c="dimmed">{t('quality.noFlaggedResponses')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="sm" aria-label={t('quality.flaggedResponses')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('quality.response')}</Table.Th>
                <Table.Th scope="col">{t('quality.instrument')}</Table.Th>
                <Table.Th scope="col">{t('quality.day')}</Table.Th>
                <Table.Th scope="col">{t('quality.duration')}</Table.Th>
                <Table.Th scope="col">{t('quality.flags')}</Table.Th>
                <Table.Th scope="col">{t('quality.answerVector')}</Table.Th>
                <Table.Th scope="col">{t('quality.decisionColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {responses.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text ff="monospace" size="sm" title={r.id}>
                      {r.id.slice(0, 8)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.instrument}</Table.Td>
                  <Table.Td>{formatDate(r.day, lang)}</Table.Td>
                  <Table.Td>
                    {r.duration === null
                      ? t('quality.durationUnmeasured')
                      : r.duration.toSeconds === null
                        ? t('quality.durationAtLeast', { n: r.duration.fromSeconds })
                        : t('quality.durationBetween', {
                            from: r.duration.fromSeconds,
                            to: r.duration.toSeconds,
                          })}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {r.flags.map((f) => (
                        <div key={f.code}>
                          <Badge color="orange" variant="light">
                            {t(`quality.flag.${f.code}`, { defaultValue: f.code })}
                          </Badge>
                          <Text size="xs">{lang === 'th' ? f.th : f.en}</Text>
                        </div>
                      ))}
                      {r.flags.length === 0 && '–'}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
                      {r.answerVector}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      {r.review && (
                        <div>
                          <Badge color={r.review.decision === 'exclude' ? 'red' : 'green'}>
                            {t(`quality.decision.${r.review.decision}`)}
                          </Badge>
                          {r.review.reason && <Text size="xs">{r.review.reason}</Text>}
                        </div>
                      )}
                      <Group gap={4}>
                        {r.review?.decision !== 'keep' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="green"
                            loading={decide.isPending}
                            onClick={() => decide.mutate({ responseId: r.id, decision: 'keep' })}
                          >
                            {t('quality.keep')}
                          </Button>
                        )}
                        {r.review?.decision !== 'exclude' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => setExcluding(r)}
                          >
                            {t('quality.exclude')}
                          </Button>
                        )}
                        {r.review && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            loading={decide.isPending}
                            onClick={() => decide.mutate({ responseId: r.id, decision: null })}
                          >
                            {t('quality.undo')}
                          </Button>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {excluding && (
        <ExcludeModal
          response={excluding}
          pending={decide.isPending}
          error={decide.error}
          onCancel={() => {
            decide.reset();
            setExcluding(null);
          }}
          onConfirm={(reason) =>
            decide.mutate(
              { responseId: excluding.id, decision: 'exclude', reason },
              { onSuccess: () => setExcluding(null) },
            )
          }
        />
      )}
    </Stack>
  );
}

function ExcludeModal(props: {
  response: FlaggedResponse;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useLang();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    props.onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={props.onCancel} title={t('quality.excludeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('quality.excludeHint', { id: props.response.id.slice(0, 8) })}</Text>
          <Textarea
            label={t('quality.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('quality.reasonRequired') : undefined}
            data-autofocus
          />
          <ErrorAlert error={props.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={props.pending}>
              {t('quality.confirmExclude')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
