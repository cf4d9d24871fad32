// An item's clarification (items scored 0), on the agency's results and on the assessor's card: what the
// agency filed (explanation, where on the original pages the data was), the assessor's decision when made,
// judged against the evidence kept at approval. The agency admin files it during the clarification window
// (once; read-only afterwards) with the original evidence beside the form; the assessor accepts it (the item
// scores 100) or rejects it with a reason.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useEffect, useRef, useState } from 'react';
import type { AssessmentItem, Clarification } from '../../../api/oit.ts';
import { useFileClarification } from '../../../api/oit.ts';
import { useDecideClarification } from '../../../api/oit-assessment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { badgeWrap, decisionColor } from '../agency/oit-view.ts';
import { EvidenceCompare } from '../evidence/index.ts';

export type OitSide = 'agency' | 'assessor';

export function ClarificationPanel({
  item,
  agencyId,
  year,
  side,
}: {
  item: AssessmentItem;
  agencyId: string;
  year: number;
  side: OitSide;
}) {
  const { t } = useLang();
  const c = item.clarification;
  const undecided = c !== null && c.decision === null;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby={`oit-clarify-${item.code}`}
      style={undecided ? { borderColor: 'var(--mantine-color-orange-4)' } : undefined}
    >
      <Stack gap="sm">
        <Title order={5} id={`oit-clarify-${item.code}`}>
          {t('oit.clarify.title')}
        </Title>
        {c ? (
          <Filed clarification={c} />
        ) : (
          side === 'agency' && <FileForm item={item} agencyId={agencyId} year={year} />
        )}
        {c && side === 'assessor' && (
          <Text size="xs" c="dimmed">
            {t('oit.clarify.judgeAgainstOriginal')}
          </Text>
        )}
        {c && side === 'assessor' && item.can.decide && c.decision === null && (
          <Decide item={item} agencyId={agencyId} year={year} />
        )}
        {side === 'agency' && (
          <Stack gap="xs" data-testid="oit-original-evidence">
            <Text size="sm" fw={600}>
              {t('oit.original.title')}
            </Text>
            {item.evidence.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('oit.original.none')}
              </Text>
            )}
            {item.evidence.map((e) => (
              <EvidenceCompare
                key={e.url}
                url={e.url}
                original={e.original}
                latest={e.latest}
                headingOrder={6}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Filed({ clarification: c }: { clarification: Clarification }) {
  const { lang, t } = useLang();
  return (
    <Stack gap="xs" data-testid="oit-clarification">
      <Group gap="xs">
        <Badge color={decisionColor(c.decision)} variant="light" styles={badgeWrap}>
          {t(`oit.clarify.status.${c.decision ?? 'pending'}`)}
        </Badge>
      </Group>
      <Field label={t('oit.clarify.explanation')} value={c.explanation} />
      {c.location && <Field label={t('oit.clarify.location')} value={c.location} />}
      <Text size="xs" c="dimmed">
        {t('oit.clarify.filed', {
          date: formatDateTime(c.filedAt, lang),
          name: c.filedBy?.displayName ?? '–',
        })}
      </Text>
      {c.decision && (
        <>
          {c.decisionReason && <Field label={t('oit.clarify.reason')} value={c.decisionReason} />}
          {c.decidedAt && (
            <Text size="xs" c="dimmed">
              {t('oit.clarify.decided', {
                date: formatDateTime(c.decidedAt, lang),
                name: c.decidedBy?.displayName ?? '–',
              })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

function FileForm({ item, agencyId, year }: { item: AssessmentItem; agencyId: string; year: number }) {
  const { t } = useLang();
  const file = useFileClarification(agencyId, year);
  const [explanation, setExplanation] = useState('');
  const [location, setLocation] = useState('');
  return (
    <form
      aria-label={t('oit.clarify.formLabel', { code: item.code })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!explanation.trim()) return;
        file.mutate({
          code: item.code,
          body: { explanation: explanation.trim(), location: location.trim() || null },
        });
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('oit.clarify.intro')}</Text>
        <Textarea
          label={t('oit.clarify.explanation')}
          description={t('oit.clarify.explanationHint')}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
          maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
          required
          autosize
          minRows={3}
        />
        <Textarea
          label={t('oit.clarify.location')}
          description={t('oit.clarify.locationHint')}
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
          maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
          autosize
          minRows={2}
        />
        <ErrorAlert error={file.error} />
        <Alert color="yellow" variant="light">
          {t('oit.clarify.once')}
        </Alert>
        <Group>
          <Button type="submit" loading={file.isPending} disabled={!explanation.trim()}>
            {t('oit.clarify.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Decide({ item, agencyId, year }: { item: AssessmentItem; agencyId: string; year: number }) {
  const { t } = useLang();
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
  );
}
