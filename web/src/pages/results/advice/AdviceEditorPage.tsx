// The assessors' advice to one agency on its IIT and EIT results, and their overall comment (issue 10 §3):
// "ข้อ i10 ประเด็น … ข้อเสนอแนะ …" line by line, citing questions by the code ITAS shows. Written before
// processing; the run keeps a copy, which the agency reads in its results report once published. Two
// assessors may edit: a save over a newer version is refused (409 `advice_changed`) and the page offers the
// newer one.
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type Advice, useAdvice, useSaveAdvice } from '../../../api/advice.ts';
import { useAgency } from '../../../api/agencies.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SaveNotices } from '../../../components/SaveNotices.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../../lib/format.ts';
import { pickName } from '../../../lib/localized.ts';
import {
  type AdviceDraft,
  type AdviceInstrument,
  bodyFromDraft,
  draftChanged,
  draftFromAdvice,
  draftProblems,
  emptyEntry,
} from './advice-draft.ts';
import { EntryCard } from './EntryCard.tsx';

function Editor({
  advice,
  agencyId,
  year,
  onReload,
}: {
  advice: Advice;
  agencyId: string;
  year: number;
  onReload: () => void;
}) {
  const { lang, t } = useLang();
  const [draft, setDraft] = useState<AdviceDraft>(() => draftFromAdvice(advice));
  const [tried, setTried] = useState(false);
  const save = useSaveAdvice(agencyId, year);
  const problems = draftProblems(draft, advice.limits);
  const changed = draftChanged(draft, advice);

  const submit = () => {
    setTried(true);
    if (problems.size > 0) return;
    save.mutate(bodyFromDraft(draft, advice.version), {
      onSuccess: (saved) => {
        setTried(false);
        setDraft(draftFromAdvice(saved));
        notifications.show({ color: 'green', message: t('advice.saved') });
      },
    });
  };
  const update = (key: string, patch: Partial<AdviceDraft['entries'][number]>) =>
    setDraft((d) => ({ ...d, entries: d.entries.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));
  const remove = (key: string) =>
    setDraft((d) => ({ ...d, entries: d.entries.filter((e) => e.key !== key) }));
  const add = (instrument: AdviceInstrument) =>
    setDraft((d) => ({ ...d, entries: [...d.entries, emptyEntry(instrument)] }));

  return (
    <Stack gap="lg">
      <Text size="sm">{t('advice.intro')}</Text>
      {advice.updatedAt && (
        <Text size="sm" c="dimmed">
          {t('advice.lastSaved', {
            date: formatDateTime(advice.updatedAt, lang),
            name: advice.updatedBy?.name ?? '–',
          })}
        </Text>
      )}
      {(['IIT', 'EIT'] as const).map((instrument) => {
        const entries = draft.entries.filter((e) => e.instrument === instrument);
        return (
          <Paper
            withBorder
            p="md"
            key={instrument}
            component="section"
            aria-labelledby={`advice-${instrument}`}
          >
            <Stack gap="sm">
              <Title order={2} size="h4" id={`advice-${instrument}`}>
                {t(`advice.instrument.${instrument}`)}
              </Title>
              {entries.length === 0 && <Text c="dimmed">{t('advice.noLines')}</Text>}
              {entries.map((e, i) => (
                <EntryCard
                  key={e.key}
                  entry={e}
                  number={i + 1}
                  questions={advice.questions[instrument]}
                  problems={tried ? (problems.get(e.key) ?? []) : []}
                  limits={advice.limits}
                  onChange={(patch) => update(e.key, patch)}
                  onRemove={() => remove(e.key)}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  onClick={() => add(instrument)}
                  disabled={draft.entries.length >= advice.limits.entries}
                >
                  {t('advice.add', { instrument: t(`advice.instrument.${instrument}`) })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Paper withBorder p="md">
        <Textarea
          label={t('advice.overall')}
          description={t('advice.overallHint')}
          autosize
          minRows={3}
          maxLength={advice.limits.overall}
          value={draft.overall}
          onChange={(e) => {
            const overall = e.currentTarget.value;
            setDraft((d) => ({ ...d, overall }));
          }}
        />
      </Paper>
      <SaveNotices
        fix={tried && problems.size > 0 ? t('advice.fixLines', { count: problems.size }) : null}
        changedCode="advice_changed"
        error={save.error}
        onReload={onReload}
        words={{ staleTitle: t('advice.staleTitle'), stale: t('advice.stale'), reload: t('advice.reload') }}
      />
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={!changed}>
          {t('advice.save')}
        </Button>
        {!changed && (
          <Text size="sm" c="dimmed">
            {t('advice.unchanged')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export default function AdviceEditorPage() {
  const { lang, t } = useLang();
  const { id = '', year: yearParam = '' } = useParams();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : 0;
  const agency = useAgency(id);
  const advice = useAdvice(id, year);
  const name = agency.data ? pickName(agency.data, lang) : '';
  return (
    <>
      <PageHeader
        title={t('advice.title')}
        description={[name, year ? formatFiscalYear(year, lang) : null].filter(Boolean).join(' · ')}
      />
      <QueryState query={advice}>
        {(data) => (
          // A new version from the server (saved here or reloaded) starts a fresh draft.
          <Editor
            key={`${data.version}:${data.updatedAt ?? ''}`}
            advice={data}
            agencyId={id}
            year={year}
            onReload={() => void advice.refetch()}
          />
        )}
      </QueryState>
    </>
  );
}
