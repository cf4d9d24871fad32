// The flagged (or already reviewed) responses of an agency, each with its flags explained and the
// assessor's decision: keep, exclude (a written reason is required) or undo — one by one, or for the
// responses ticked at once with one reason (each still audited on the server).
import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QUALITY_BULK_MAX } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type FlaggedResponse, useBulkDecision, useReviewDecision } from '../../api/quality.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';

export function FlaggedResponsesTable({
  responses,
  agencyId,
  year,
}: {
  responses: FlaggedResponse[];
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const decide = useReviewDecision();
  const bulk = useBulkDecision(agencyId, year);
  const [excluding, setExcluding] = useState<FlaggedResponse | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkExcluding, setBulkExcluding] = useState(false);
  const picked = responses.filter((r) => selected.has(r.id)).map((r) => r.id);
  const allPicked = responses.length > 0 && picked.length === responses.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decideMany = (decision: 'keep' | 'exclude', reason?: string) =>
    bulk.mutate(
      { responseIds: picked.slice(0, QUALITY_BULK_MAX), decision, ...(reason ? { reason } : {}) },
      {
        onSuccess: (r) => {
          setSelected(new Set());
          setBulkExcluding(false);
          notifications.show({
            color: 'green',
            message: t('quality.bulk.done', { n: r.reviews.length, changed: r.changed }),
          });
        },
      },
    );

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('quality.flaggedResponses')}
      </Title>
      <ErrorAlert error={excluding ? null : decide.error} />
      {responses.length > 0 && (
        <Group gap="sm" wrap="wrap" role="group" aria-label={t('quality.bulk.label')} data-testid="bulk-bar">
          <Text size="sm" aria-live="polite">
            {t('quality.bulk.selected', { n: picked.length })}
          </Text>
          <Button
            size="xs"
            variant="light"
            color="green"
            disabled={picked.length === 0}
            loading={bulk.isPending && !bulkExcluding}
            onClick={() => decideMany('keep')}
          >
            {t('quality.bulk.keep', { n: picked.length })}
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            disabled={picked.length === 0}
            onClick={() => setBulkExcluding(true)}
          >
            {t('quality.bulk.exclude', { n: picked.length })}
          </Button>
          {picked.length > QUALITY_BULK_MAX && (
            <Text size="xs" c="orange.8">
              {t('quality.bulk.tooMany', { max: QUALITY_BULK_MAX })}
            </Text>
          )}
        </Group>
      )}
      <ErrorAlert error={bulkExcluding ? null : bulk.error} />
      {responses.length === 0 ? (
        <Text c="dimmed">{t('quality.noFlaggedResponses')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="sm" aria-label={t('quality.flaggedResponses')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t('quality.bulk.selectAll')}
                    checked={allPicked}
                    indeterminate={picked.length > 0 && !allPicked}
                    onChange={() => setSelected(allPicked ? new Set() : new Set(responses.map((r) => r.id)))}
                  />
                </Table.Th>
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
                    <Checkbox
                      aria-label={t('quality.bulk.select', { id: r.id.slice(0, 8) })}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  </Table.Td>
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
      {bulkExcluding && (
        <ExcludeModal
          hint={t('quality.bulk.excludeHint', { n: picked.length })}
          pending={bulk.isPending}
          error={bulk.error}
          onCancel={() => {
            bulk.reset();
            setBulkExcluding(false);
          }}
          onConfirm={(reason) => decideMany('exclude', reason)}
        />
      )}
      {excluding && (
        <ExcludeModal
          hint={t('quality.excludeHint', { id: excluding.id.slice(0, 8) })}
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
  hint: string;
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
          <Text size="sm">{props.hint}</Text>
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
