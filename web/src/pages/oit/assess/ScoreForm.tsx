// Scoring one item: tick the components found on the agency's pages, score 0 or 100, comment, and advice
// (required at 0). The server refuses 100 unless every component is ticked, and 0 without advice; its
// message is shown as it is.
import { Button, Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { proposedScore } from '@server/core/oit/proposal.ts';
import { OIT_ASSESSMENT_TEXT_MAX_LENGTH } from '@server/shared/limits.ts';
import { useEffect, useRef, useState } from 'react';
import { type AssessmentItem, useScoreItem } from '../../../api/oit-assessment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import {
  foundFromValues,
  initialScoreForm,
  type ScoreForm as ScoreFormState,
  scoreFormChanged,
  scoreFormHints,
  shortcutAllowed,
  toScoreBody,
} from './assess-view.ts';

export function ScoreForm({
  item,
  agencyId,
  year,
}: {
  item: AssessmentItem;
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const [form, setFormState] = useState(() => initialScoreForm(item.score));
  // Until the assessor picks a score, the score follows the proposal of the components ticked
  // (src/core/oit/proposal.ts); once picked, it is theirs.
  const [picked, setPicked] = useState(item.score !== null);
  const proposal = proposedScore(item.components.length, form.found);
  const setForm = (next: ScoreFormState) => setFormState(next);
  const setFound = (found: number[]) =>
    setFormState((f) => ({
      ...f,
      found,
      score: picked ? f.score : proposedScore(item.components.length, found),
    }));

  const [tried, setTried] = useState(false);
  const save = useScoreItem(agencyId, year);
  const hints = scoreFormHints(form, item.components.length);
  const changed = scoreFormChanged(form, item.score);
  const id = `score-${item.code}`;

  // Shortcuts of the open item: 1–9 tick a component, p takes the proposal, s saves (see the page's list).
  const keys = useRef({ found: form.found, setFound, proposal });
  keys.current = { found: form.found, setFound, proposal };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutAllowed(e)) return;
      const k = keys.current;
      if (/^[1-9]$/.test(e.key)) {
        const i = Number(e.key) - 1;
        if (i >= item.components.length) return;
        e.preventDefault();
        k.setFound(
          k.found.includes(i) ? k.found.filter((x) => x !== i) : [...k.found, i].sort((a, b) => a - b),
        );
      } else if (e.key === 'p') {
        e.preventDefault();
        setPicked(true);
        setFormState((f) => ({ ...f, score: k.proposal }));
      } else if (e.key === 's') {
        e.preventDefault();
        (document.getElementById(`score-${item.code}`) as HTMLFormElement | null)?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item.components.length, item.code]);

  const submit = () => {
    setTried(true);
    const body = toScoreBody(form);
    if (!body) return;
    save.mutate(
      { code: item.code, body },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('oitAssess.score.saved', { code: item.code }) }),
      },
    );
  };

  return (
    <Stack
      gap="sm"
      component="form"
      id={id}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-labelledby={`${id}-h`}
    >
      <Text fw={600} id={`${id}-h`}>
        {t('oitAssess.score.title', { code: item.code })}
      </Text>
      <Checkbox.Group
        label={t('oitAssess.score.components')}
        description={t('oitAssess.score.componentsHint')}
        value={form.found.map(String)}
        onChange={(v) => setFound(foundFromValues(v))}
      >
        <Stack gap={6} mt="xs">
          {item.components.map((c, i) => (
            <Checkbox
              // biome-ignore lint/suspicious/noArrayIndexKey: components are identified by their position
              key={i}
              value={String(i)}
              label={t('oitAssess.score.component', { n: i + 1, text: pick(c, lang) })}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Radio.Group
        label={t('oitAssess.score.label')}
        value={form.score === null ? null : String(form.score)}
        onChange={(v) => {
          setPicked(true);
          setForm({ ...form, score: v === '100' ? 100 : 0 });
        }}
        error={tried && hints.score === 'choose' ? t('oitAssess.score.choose') : undefined}
        withAsterisk
      >
        <Group mt="xs" gap="lg">
          <Radio value="100" label={t('oitAssess.score.full')} />
          <Radio value="0" label={t('oitAssess.score.zero')} />
        </Group>
      </Radio.Group>
      <Group gap="sm" wrap="wrap" role="status" aria-live="polite">
        <Text size="sm" data-testid="score-proposal">
          {t('oitAssess.proposal.label', { score: proposal })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('oitAssess.proposal.hint')}
        </Text>
        {form.score !== proposal && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              setPicked(true);
              setForm({ ...form, score: proposal });
            }}
          >
            {t('oitAssess.proposal.apply', { score: proposal })}
          </Button>
        )}
      </Group>
      {hints.score === 'notEveryComponent' && (
        <Text size="sm" c="orange.8" role="status">
          {t('oitAssess.score.notEveryComponent')}
        </Text>
      )}
      <Textarea
        label={t('oitAssess.score.comment')}
        value={form.comment}
        onChange={(e) => setForm({ ...form, comment: e.currentTarget.value })}
        maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
        autosize
        minRows={2}
      />
      <Textarea
        label={t('oitAssess.score.advice')}
        description={t('oitAssess.score.adviceHint')}
        value={form.advice}
        onChange={(e) => setForm({ ...form, advice: e.currentTarget.value })}
        maxLength={OIT_ASSESSMENT_TEXT_MAX_LENGTH}
        withAsterisk={form.score === 0}
        aria-required={form.score === 0}
        error={tried && hints.advice ? t('oitAssess.score.adviceRequired') : undefined}
        autosize
        minRows={2}
      />
      <ErrorAlert error={save.error} />
      <Group gap="sm" wrap="wrap">
        <Button type="submit" loading={save.isPending} disabled={!changed}>
          {t('oitAssess.score.save', { code: item.code })}
        </Button>
        {item.score && !changed && (
          <Text size="sm" c="dimmed">
            {t('oitAssess.score.savedBy', {
              who: item.score.assessor?.displayName ?? '–',
              when: formatDateTime(item.score.updatedAt, lang),
            })}
          </Text>
        )}
        {changed && item.score && (
          <Text size="sm" c="orange.8">
            {t('oitAssess.score.unsaved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
