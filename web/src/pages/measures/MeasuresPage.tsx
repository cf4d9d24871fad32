// "/agencies/:id/measures/:year" — the agency's measures to promote integrity for fiscal year `year`
// (issue 12): drawn up from the published result of the year before, weak points and measures edited while a
// draft, the approval chain (each role sees only its own buttons), downloads (DOCX, PDF), publication at a
// public address (the OIT evidence), progress once approved. Thai first; cards, so it works at 360 px.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import {
  type MeasuresStep,
  type MeasuresView,
  measuresDocumentUrl,
  useAddDivision,
  useCreateMeasures,
  useMeasureLibrary,
  useMeasures,
  useMeasuresStep,
  usePublishMeasures,
  useReviseMeasures,
  useSaveMeasures,
} from '../../api/measures.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatDateTime, formatFiscalYear, formatScore } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import { MeasuresEditor } from './MeasuresEditor.tsx';
import { contentOf, type Draft, draftProblems } from './measures-draft.ts';
import { ProgressPanel } from './ProgressPanel.tsx';
import { WeakPointsEditor } from './WeakPointsEditor.tsx';

const STATUS_COLOR = { draft: 'gray', prepared: 'blue', reviewed: 'violet', approved: 'green' } as const;

function Chain({ view, agencyId, year }: { view: MeasuresView; agencyId: string; year: number }) {
  const { lang, t } = useLang();
  const step = useMeasuresStep(agencyId, year);
  const revise = useReviseMeasures(agencyId, year);
  const publish = usePublishMeasures(agencyId, year);
  const doc = view.document;
  if (!doc) return null;
  const steps: MeasuresStep[] = (['prepare', 'review', 'approve', 'return'] as const).filter(
    (s) => view.can[s],
  );
  const signed = (label: string, s: { at: string; by: string | null } | null) =>
    s && (
      <Text size="sm" key={label}>
        {t(label, { date: formatDateTime(s.at, lang), name: s.by ?? '–' })}
      </Text>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chain-title">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="chain-title">
            {t('measures.chain')}
          </Title>
          <Badge color={STATUS_COLOR[doc.status]} data-testid="measures-status">
            {t(`measures.status_.${doc.status}`)}
          </Badge>
          <Badge variant="outline">{t('measures.version', { n: doc.version })}</Badge>
        </Group>
        {signed('measures.preparedBy', doc.prepared)}
        {signed('measures.reviewedBy', doc.reviewed)}
        {signed('measures.approvedBy', doc.approved)}
        <Group gap="xs" wrap="wrap">
          {steps.map((s) => (
            <Button
              key={s}
              variant={s === 'return' ? 'default' : 'filled'}
              loading={step.isPending && step.variables === s}
              onClick={() => step.mutate(s)}
            >
              {t(`measures.step.${s}`)}
            </Button>
          ))}
          {view.can.revise && (
            <Button variant="light" loading={revise.isPending} onClick={() => revise.mutate()}>
              {t('measures.revise')}
            </Button>
          )}
          {view.can.publish && (
            <Button variant="light" loading={publish.isPending} onClick={() => publish.mutate()}>
              {t('measures.publish')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={step.error ?? revise.error ?? publish.error} />
        <Group gap="xs" wrap="wrap">
          <Anchor href={measuresDocumentUrl(agencyId, year, 'docx')} download data-testid="download-docx">
            {t('measures.downloadDocx')}
          </Anchor>
          <Anchor href={measuresDocumentUrl(agencyId, year, 'pdf')} download>
            {t('measures.downloadPdf')}
          </Anchor>
        </Group>
        {doc.publicPath && (
          <Text size="sm">
            {t('measures.publicUrl')}{' '}
            <Anchor href={doc.publicPath} target="_blank" rel="noreferrer">
              {`${window.location.origin}${doc.publicPath}`}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Editor({ view, agencyId, year }: { view: MeasuresView; agencyId: string; year: number }) {
  const { t } = useLang();
  const doc = view.document as NonNullable<MeasuresView['document']>;
  const [draft, setDraft] = useState<Draft>(doc.content);
  const [tried, setTried] = useState(false);
  const editable = view.can.edit;
  const library = useMeasureLibrary(editable);
  const save = useSaveMeasures(agencyId, year);
  const addDivision = useAddDivision(agencyId, year);
  const problems = draftProblems(draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(doc.content);
  const s = doc.source;
  return (
    <Stack gap="lg">
      <Chain view={view} agencyId={agencyId} year={year} />
      <Paper withBorder p="md" component="section" aria-labelledby="results-title">
        <Title order={2} size="h4" id="results-title">
          {t('measures.results', { year: s.year })}
        </Title>
        <Text>
          {t('measures.total', { total: formatScore(s.total), rating: s.rating.th })}
          {s.previous
            ? ` ${t('measures.previous', { year: s.previous.year, total: formatScore(s.previous.total) })}`
            : ''}
        </Text>
      </Paper>
      <section aria-labelledby="points-title">
        <Title order={2} size="h4" id="points-title" mb="xs">
          {t('measures.weakPoints')}
        </Title>
        <WeakPointsEditor
          source={s}
          draft={draft}
          editable={editable}
          onChange={(weakPoints) => setDraft((d) => ({ ...d, weakPoints }))}
        />
      </section>
      <section aria-labelledby="measures-title">
        <Title order={2} size="h4" id="measures-title" mb="xs">
          {t('measures.measures', { year })}
        </Title>
        <MeasuresEditor
          year={year}
          source={s}
          draft={draft}
          divisions={view.divisions}
          library={library.data ?? []}
          editable={editable}
          problems={tried ? problems : new Map()}
          onChange={(measures) => setDraft((d) => ({ ...d, measures }))}
          onAddDivision={(name) => addDivision.mutate(name)}
        />
        <ErrorAlert error={addDivision.error} />
      </section>
      {editable && (
        <Stack gap="xs">
          {tried && problems.size > 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('measures.fixProblems', { count: problems.size })}
            </Alert>
          )}
          <ErrorAlert error={save.error} />
          <Group>
            <Button
              disabled={!changed}
              loading={save.isPending}
              onClick={() => {
                setTried(true);
                if (problems.size > 0) return;
                save.mutate(
                  { content: contentOf(draft), updatedAt: doc.updatedAt },
                  { onSuccess: () => notifications.show({ color: 'green', message: t('measures.saved') }) },
                );
              }}
            >
              {t('measures.save')}
            </Button>
          </Group>
        </Stack>
      )}
      <ProgressPanel view={view} agencyId={agencyId} year={year} />
    </Stack>
  );
}

export default function MeasuresPage() {
  const { lang, t } = useLang();
  const { id = '', year: yearParam = '' } = useParams();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : 0;
  const agency = useAgency(id);
  const measures = useMeasures(id, year);
  const create = useCreateMeasures(id, year);
  const name = agency.data ? pickName(agency.data, lang) : '';
  return (
    <>
      <PageHeader
        title={t('measures.title')}
        description={[name, year ? formatFiscalYear(year, lang) : null].filter(Boolean).join(' · ')}
      />
      <QueryState query={measures}>
        {(view) => (
          <Stack gap="md">
            <StageNote stage={view.stage} />
            {view.document ? (
              <Editor
                key={`${view.document.id}:${view.document.updatedAt}:${view.document.status}`}
                view={view}
                agencyId={id}
                year={year}
              />
            ) : (
              <Stack gap="sm">
                <EmptyState
                  title={t('measures.none', { year })}
                  hint={t('measures.noneHint', { source: year - 1 })}
                />
                {view.can.create && (
                  <Group>
                    <Button loading={create.isPending} onClick={() => create.mutate()}>
                      {t('measures.create', { source: year - 1 })}
                    </Button>
                  </Group>
                )}
                <ErrorAlert error={create.error} />
              </Stack>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** Where the year's measures stage stands for the agency, as the server states it (measures.stage.ts). */
function StageNote({ stage }: { stage: MeasuresView['stage'] }) {
  const { lang, t } = useLang();
  const text = !stage?.phase
    ? stage?.closed
      ? t('measures.stage.closed')
      : t('measures.stage.none')
    : stage.closed
      ? t('measures.stage.closed')
      : stage.phase === 'open'
        ? t('measures.stage.open', {
            date: formatDate(stage.closesOn ?? '', lang),
            days: stage.daysLeft ?? 0,
          })
        : stage.phase === 'upcoming'
          ? t('measures.stage.upcoming', { date: formatDate(stage.opensOn ?? '', lang) })
          : t('measures.stage.ended', { date: formatDate(stage.closesOn ?? '', lang) });
  return (
    <Text size="sm" c={stage?.phase === 'open' ? undefined : 'orange.8'} data-testid="measures-stage">
      {text}
    </Text>
  );
}
