// NACC admin: a year's framework being written (/frameworks/drafts/:id). Every edit is checked as you type by
// the server's own rules (validateDraft, the same mapping to Thai and English at each field); save keeps a
// draft (optimistic concurrency on its revision); publish makes it the year's new version after confirmation.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import type { Framework } from '@server/core/framework/schema.ts';
import { type AuthoringContext, validateDraft } from '@server/core/framework/validate.ts';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import {
  type Draft,
  useDiscardDraft,
  useDraft,
  usePublishDraft,
  useSaveDraft,
} from '../../../api/framework-drafts.ts';
import { useFramework } from '../../../api/frameworks.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { queryFallback } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../../lib/format.ts';
import { CalendarSection } from './CalendarSection.tsx';
import { CrosswalkSection } from './CrosswalkSection.tsx';
import { DiffSection } from './DiffSection.tsx';
import {
  cleanDraft,
  type DraftValues,
  formPath,
  problemsBySection,
  SECTIONS,
  type Section,
} from './draft-form.ts';
import { LocalizedInputs, type Problem, ProblemText, SectionProblems } from './fields.tsx';
import { IndicatorsSection } from './IndicatorsSection.tsx';
import { InstrumentsSection } from './InstrumentsSection.tsx';
import { OitSection } from './OitSection.tsx';
import { ProcessingSection } from './ProcessingSection.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { RatingSection } from './RatingSection.tsx';
import { SampleSection } from './SampleSection.tsx';

export default function DraftPage() {
  const { id = '' } = useParams();
  const draft = useDraft(id);
  const base = useFramework(draft.data?.base.year ?? null);
  if (!draft.data) return queryFallback(draft);
  if (base.isPending) return queryFallback(base);
  return <DraftEditor key={draft.data.id} draft={draft.data} base={base.data?.framework} />;
}

const TABS = [...SECTIONS.filter((s) => s !== 'general'), 'diff'] as const;
type Tab = (typeof TABS)[number];

function DraftEditor({ draft, base }: { draft: Draft; base: Framework | undefined }) {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const form = useForm<DraftValues>({ mode: 'controlled', initialValues: draft.definition });
  const [revision, setRevision] = useState(draft.revision);
  const [savedAt, setSavedAt] = useState(draft.updatedAt);
  const [tab, setTab] = useState<Tab>('instruments');
  const [confirming, setConfirming] = useState(false);
  const saver = useSaveDraft(draft.id);
  const publisher = usePublishDraft(draft.id);
  const discarder = useDiscardDraft(draft.id);
  const readOnly = draft.status !== 'draft';

  // Live validation: the server's rules, on what would be saved, a moment after typing stops.
  const [values] = useDebouncedValue(form.values, 250);
  const cleaned = useMemo(() => cleanDraft(values) as DraftValues, [values]);
  const ctx = useMemo<AuthoringContext>(
    () =>
      base && draft.base.year !== draft.year
        ? {
            year: draft.year,
            previous: {
              year: base.year,
              codes: new Set([...base.questions.map((q) => q.code), ...base.oitItems.map((o) => o.code)]),
            },
          }
        : { year: draft.year },
    [base, draft.base.year, draft.year],
  );
  const problems: Problem[] = useMemo(() => {
    const checked = validateDraft(cleaned, ctx);
    return checked.ok ? [] : checked.problems;
  }, [cleaned, ctx]);
  const bySection = useMemo(() => problemsBySection(problems), [problems]);
  const { setErrors } = form;
  useEffect(() => {
    setErrors(
      Object.fromEntries(problems.map((p) => [formPath(p.path), <ProblemText key={p.path} problem={p} />])),
    );
  }, [problems, setErrors]);

  const save = (then?: (revision: number) => void) =>
    saver.mutate(
      { revision, definition: cleanDraft(form.getValues()) as Record<string, unknown> },
      {
        onSuccess: (saved) => {
          setRevision(saved.revision);
          setSavedAt(saved.updatedAt);
          form.resetDirty();
          then?.(saved.revision);
        },
      },
    );
  const publish = () => {
    const go = (rev: number) =>
      publisher.mutate(rev, { onSuccess: (v) => navigate(`/frameworks/${v.year}?published=${v.version}`) });
    if (form.isDirty()) save(go);
    else go(revision);
  };
  const sectionProblems = (s: Section) => bySection.get(s) ?? [];
  const props = (s: Section) => ({ form, problems: sectionProblems(s), readOnly });

  return (
    <>
      <PageHeader
        title={t('authoring.title', { year: formatFiscalYear(draft.year, lang) })}
        description={t('authoring.basedOn', {
          year: formatFiscalYear(draft.base.year, lang),
          version: draft.base.version,
        })}
      />
      <Stack gap="md">
        {readOnly && (
          <Alert color={draft.status === 'published' ? 'teal' : 'gray'} role="status">
            {draft.status === 'published'
              ? t('authoring.publishedNote', { version: draft.publishedVersion ?? 0 })
              : t('authoring.discardedNote')}{' '}
            {draft.status === 'published' && (
              <RouterLink to={`/frameworks/${draft.year}`}>{t('authoring.viewPublished')}</RouterLink>
            )}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group gap="xs" role="status" aria-live="polite">
              {problems.length === 0 ? (
                <Badge color="teal" variant="light">
                  {t('authoring.noProblems')}
                </Badge>
              ) : (
                <Badge color="red" variant="light">
                  {t('authoring.problemsCount', { n: problems.length })}
                </Badge>
              )}
              {form.isDirty() && <Badge color="yellow">{t('authoring.unsaved')}</Badge>}
              <Text size="xs" c="dimmed">
                {t('authoring.savedAt', { when: formatDateTime(savedAt, lang) })}
              </Text>
            </Group>
            {!readOnly && (
              <Group gap="xs">
                <Button onClick={() => save()} loading={saver.isPending} disabled={!form.isDirty()}>
                  {t('authoring.save')}
                </Button>
                <Button color="teal" onClick={() => setConfirming(true)} disabled={problems.length > 0}>
                  {t('authoring.publish')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  loading={discarder.isPending}
                  onClick={() =>
                    discarder.mutate(undefined, {
                      onSuccess: () => navigate(`/frameworks/${draft.base.year}`),
                    })
                  }
                >
                  {t('authoring.discard')}
                </Button>
              </Group>
            )}
            <ErrorAlert error={saver.error ?? publisher.error ?? discarder.error} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <SectionProblems problems={sectionProblems('general')} title={t('authoring.sectionProblems')} />
            <LocalizedInputs
              form={form}
              path="name"
              label={t('authoring.frameworkName')}
              readOnly={readOnly}
            />
            <LocalizedInputs
              form={form}
              path="source"
              label={t('authoring.source')}
              multiline
              readOnly={readOnly}
            />
          </Stack>
        </Paper>
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List>
            {TABS.map((s) => {
              const n = s === 'diff' ? 0 : sectionProblems(s).length;
              return (
                <Tabs.Tab
                  key={s}
                  value={s}
                  rightSection={
                    n > 0 ? (
                      <Badge color="red" size="xs" circle>
                        {n}
                      </Badge>
                    ) : null
                  }
                  aria-label={
                    n > 0 ? `${t(`authoring.tabs.${s}`)} (${t('authoring.problemsCount', { n })})` : undefined
                  }
                >
                  {t(`authoring.tabs.${s}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          <Tabs.Panel value="instruments" pt="md">
            <InstrumentsSection {...props('instruments')} />
          </Tabs.Panel>
          <Tabs.Panel value="sample" pt="md">
            <SampleSection {...props('sample')} />
          </Tabs.Panel>
          <Tabs.Panel value="processing" pt="md">
            <ProcessingSection {...props('processing')} />
          </Tabs.Panel>
          <Tabs.Panel value="indicators" pt="md">
            <IndicatorsSection {...props('indicators')} />
          </Tabs.Panel>
          <Tabs.Panel value="questions" pt="md">
            <QuestionsSection {...props('questions')} />
          </Tabs.Panel>
          <Tabs.Panel value="oit" pt="md">
            <OitSection {...props('oit')} />
          </Tabs.Panel>
          <Tabs.Panel value="rating" pt="md">
            <RatingSection {...props('rating')} />
          </Tabs.Panel>
          <Tabs.Panel value="calendar" pt="md">
            <CalendarSection {...props('calendar')} />
          </Tabs.Panel>
          <Tabs.Panel value="crosswalk" pt="md">
            <CrosswalkSection {...props('crosswalk')} base={base} />
          </Tabs.Panel>
          <Tabs.Panel value="diff" pt="md">
            <DiffSection base={base} values={cleaned} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('authoring.confirmTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('authoring.confirmText', { year: formatFiscalYear(draft.year, lang) })}</Text>
          <ErrorAlert error={publisher.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="teal" onClick={publish} loading={publisher.isPending || saver.isPending}>
              {t('authoring.confirmPublish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
