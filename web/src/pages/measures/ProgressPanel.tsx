// Carrying the approved measures out (issue 12 §2): progress entries per measure, the effect on the targets
// once the measures year is published, and the executive's signature on the progress report.
import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  MEASURE_EVIDENCE_FILE_MAX_BYTES,
  MEASURE_EVIDENCE_FILES_MAX,
  MEASURE_EVIDENCE_TYPES,
} from '@server/shared/limits.ts';
import { useState } from 'react';
import {
  type MeasuresView,
  measuresProgressUrl,
  useAddProgress,
  useSignProgress,
} from '../../api/measures.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatDateTime, formatFileSize, formatScore, todayInBangkok } from '../../lib/format.ts';

const STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
// The picker offers what the server accepts (it reads the type from the bytes; this only guides the choice).
// Image types let a phone offer its camera as well as its files.
const ACCEPT = MEASURE_EVIDENCE_TYPES.flatMap((e) => [`.${e.ext}`, e.mime]).join(',');
const MB = MEASURE_EVIDENCE_FILE_MAX_BYTES / 1024 / 1024;
const EFFECT_COLOR = {
  pending: 'gray',
  improved: 'green',
  declined: 'red',
  unchanged: 'yellow',
  unknown: 'gray',
} as const;

export function ProgressPanel({
  view,
  agencyId,
  year,
}: {
  view: MeasuresView;
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const inForce = view.versions.find((v) => v.status === 'approved');
  const add = useAddProgress(agencyId, year);
  const sign = useSignProgress(agencyId, year);
  const [form, setForm] = useState({
    measureId: '',
    day: todayInBangkok(),
    status: 'in_progress',
    note: '',
    evidenceUrl: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const doc = view.document;
  const oversized = files.find((f) => f.size > MEASURE_EVIDENCE_FILE_MAX_BYTES);
  const filesProblem =
    files.length > MEASURE_EVIDENCE_FILES_MAX
      ? t('measures.evidenceTooMany', { max: MEASURE_EVIDENCE_FILES_MAX })
      : oversized
        ? t('measures.evidenceTooLarge', { name: oversized.name, mb: MB })
        : undefined;
  if (!inForce || !doc) return null;
  // The measures carried out are the approved version's; a newer draft does not change them.
  const measures = view.effects.map((e) => ({
    effect: e,
    measure: doc.content.measures.find((m) => m.id === e.measureId),
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="progress-title">
          {t('measures.progressTitle')}
        </Title>
        {doc.progressSigned && (
          <Text size="sm">
            {t('measures.progressSigned', {
              date: formatDateTime(doc.progressSigned.at, lang),
              name: doc.progressSigned.by ?? '–',
            })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Anchor href={measuresProgressUrl(agencyId, year, 'docx')} download>
            {t('measures.progressDocx')}
          </Anchor>
          <Anchor href={measuresProgressUrl(agencyId, year, 'pdf')} download>
            {t('measures.progressPdf')}
          </Anchor>
        </Group>
        {measures.map(({ effect, measure }, n) => {
          const entries = view.progress.filter((p) => p.measureId === effect.measureId);
          return (
            <Paper withBorder p="xs" key={effect.measureId}>
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>
                    {n + 1}. {measure?.title ?? ''}
                  </Text>
                  <Badge color={EFFECT_COLOR[effect.status]}>
                    {t(`measures.effect.${effect.status}`, {
                      change: effect.meanChange === null ? '' : formatScore(effect.meanChange),
                    })}
                  </Badge>
                </Group>
                {entries.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('measures.noProgress')}
                  </Text>
                )}
                {entries.map((p) => (
                  <Stack gap={2} key={p.id}>
                    <Text size="sm">
                      {formatDate(p.day, lang)} · {t(`measures.progressStatus.${p.status}`)} · {p.note}
                      {p.evidenceUrl ? (
                        <>
                          {' · '}
                          <a href={p.evidenceUrl} target="_blank" rel="noreferrer">
                            {t('measures.evidence')}
                          </a>
                        </>
                      ) : null}
                    </Text>
                    {p.files.length > 0 && (
                      <Group gap="xs" wrap="wrap" pl="md">
                        {p.files.map((f) => (
                          <Anchor key={f.id} href={f.path} download={f.name} size="sm">
                            {t('measures.evidenceDownload', {
                              name: f.name,
                              size: formatFileSize(f.size, lang),
                            })}
                          </Anchor>
                        ))}
                      </Group>
                    )}
                  </Stack>
                ))}
              </Stack>
            </Paper>
          );
        })}
        {view.can.progress && (
          <Stack
            gap="xs"
            component="form"
            aria-label={t('measures.addProgress')}
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(
                { ...form, evidenceUrl: form.evidenceUrl.trim() || null, files },
                {
                  onSuccess: () => {
                    setForm((f) => ({ ...f, note: '', evidenceUrl: '' }));
                    setFiles([]);
                  },
                },
              );
            }}
          >
            <Title order={3} size="h5">
              {t('measures.addProgress')}
            </Title>
            <Select
              label={t('measures.measure')}
              data={doc.content.measures.map((m, i) => ({ value: m.id, label: `${i + 1}. ${m.title}` }))}
              value={form.measureId || null}
              onChange={(v) => setForm((f) => ({ ...f, measureId: v ?? '' }))}
            />
            <Group grow wrap="wrap">
              <TextInput
                type="date"
                label={t('measures.day')}
                value={form.day}
                onChange={(e) => setForm((f) => ({ ...f, day: e.currentTarget.value }))}
                miw={150}
              />
              <Select
                label={t('measures.status')}
                data={STATUSES.map((s) => ({ value: s, label: t(`measures.progressStatus.${s}`) }))}
                value={form.status}
                allowDeselect={false}
                onChange={(v) => v && setForm((f) => ({ ...f, status: v }))}
                miw={150}
              />
            </Group>
            <Textarea
              label={t('measures.whatWasDone')}
              autosize
              minRows={2}
              maxLength={2000}
              value={form.note}
              onChange={(e) => setForm((f) => ({ ...f, note: e.currentTarget.value }))}
            />
            <TextInput
              type="url"
              label={t('measures.evidenceUrl')}
              value={form.evidenceUrl}
              onChange={(e) => setForm((f) => ({ ...f, evidenceUrl: e.currentTarget.value }))}
            />
            <FileInput
              multiple
              clearable
              label={t('measures.evidenceFiles')}
              description={t('measures.evidenceFilesHint', {
                types: MEASURE_EVIDENCE_TYPES.map((e) => e.label).join(', '),
                max: MEASURE_EVIDENCE_FILES_MAX,
                mb: MB,
              })}
              accept={ACCEPT}
              value={files}
              onChange={(v) => {
                setFiles(v);
                add.reset();
              }}
              error={filesProblem}
            />
            <ErrorAlert error={add.error} />
            <Group>
              <Button
                type="submit"
                loading={add.isPending}
                disabled={!form.measureId || !form.note.trim() || filesProblem !== undefined}
              >
                {t('measures.saveProgress')}
              </Button>
            </Group>
          </Stack>
        )}
        {view.can.signProgress && (
          <Group>
            <ErrorAlert error={sign.error} />
            <Button variant="light" loading={sign.isPending} onClick={() => sign.mutate()}>
              {t('measures.signProgress')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
