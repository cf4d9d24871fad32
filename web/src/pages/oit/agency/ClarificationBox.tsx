// One clarification for an item scored 0: the agency admin explains (and may say where on the original
// pages the data was) during the clarification window, judged against the evidence kept at approval, shown
// beside the form. Once filed it is read-only, with the assessor's decision when made.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useState } from 'react';
import { type AssessmentItem, useFileClarification } from '../../../api/oit.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { EvidenceCompare } from '../evidence/index.ts';
import { badgeWrap, decisionColor } from './oit-view.ts';

export function ClarificationBox({
  item,
  agencyId,
  year,
}: {
  item: AssessmentItem;
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const file = useFileClarification(agencyId, year);
  const [explanation, setExplanation] = useState('');
  const [location, setLocation] = useState('');
  const c = item.clarification;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`oit-clarify-${item.code}`}>
      <Stack gap="sm">
        <Title order={5} id={`oit-clarify-${item.code}`}>
          {t('oit.clarify.title')}
        </Title>
        {c ? (
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
        ) : (
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
        )}
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
      </Stack>
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}
