// The answer to one item: has / hasn't, the evidence URLs (rows added and removed), how to reach the data
// from the home page, saved as a draft at any time. Hints appear as the URLs are typed (the same rules the
// server applies); the server's refusals and warnings are shown in the UI language. Each saved URL shows
// what the evidence checker found there, and can be checked again.
import { ActionIcon, Alert, Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { OIT_EXPLANATION_MAX_LENGTH, OIT_URL_MAX_LENGTH, OIT_URLS_MAX } from '@server/shared/limits.ts';
import { useState } from 'react';
import {
  type Checklist,
  type ChecklistItem,
  type EvidenceCheck,
  useRefetchItemEvidence,
  useSaveAnswer,
} from '../../../api/oit.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { type Draft, draftOf, isDirty, messageOf, problemUrls, urlHint } from './oit-view.ts';
import { UrlEvidence } from './UrlEvidence.tsx';

export function AnswerForm({
  item,
  checklist: c,
  evidence,
  mayRefetch,
}: {
  item: ChecklistItem;
  checklist: Checklist;
  evidence: readonly EvidenceCheck[] | undefined;
  mayRefetch: boolean;
}) {
  const { lang, t } = useLang();
  const save = useSaveAnswer(c.agency.id, c.year);
  const [draft, setDraft] = useState<Draft>(() => draftOf(item.answer));
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const dirty = isDirty(draft, item.answer);
  const refused = new Set(problemUrls(save.error));
  const saved = new Map(item.answer.urls.map((u) => [u.url, u]));
  const id = `oit-${item.code}`;

  const setUrl = (n: number, value: string) =>
    setDraft((d) => ({ ...d, urls: d.urls.map((u, i) => (i === n ? value : u)) }));
  const removeUrl = (n: number) =>
    setDraft((d) => {
      const urls = d.urls.filter((_, i) => i !== n);
      return { ...d, urls: urls.length > 0 ? urls : [''] };
    });

  return (
    <form
      aria-label={t('oit.form.label', { code: item.code })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          code: item.code,
          body: { has: draft.has, urls: draft.urls, explanation: draft.explanation },
        });
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('oit.form.has')}
          value={draft.has === null ? '' : draft.has ? 'yes' : 'no'}
          onChange={(v) => setDraft((d) => ({ ...d, has: v === 'yes' }))}
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={t('oit.form.hasYes')} />
            <Radio value="no" label={t('oit.form.hasNo')} />
          </Group>
        </Radio.Group>

        {draft.has === true && (
          <Stack gap="xs" role="group" aria-labelledby={`${id}-urls`}>
            <Text id={`${id}-urls`} size="sm" fw={500}>
              {t('oit.form.urls')}
            </Text>
            {draft.urls.map((url, n) => {
              const hint = urlHint(url, c.agency.website, item.conditions.mainWebsite, lang);
              const view = saved.get(url.trim());
              const showProblem = touched.has(n) || refused.has(url.trim());
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list being edited
                <Stack key={n} gap={4}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <TextInput
                      style={{ flex: 1, minWidth: 0 }}
                      label={t('oit.form.url', { n: n + 1 })}
                      type="url"
                      inputMode="url"
                      placeholder="https://"
                      value={url}
                      maxLength={OIT_URL_MAX_LENGTH}
                      onChange={(e) => setUrl(n, e.currentTarget.value)}
                      onBlur={() => setTouched((s) => new Set(s).add(n))}
                      error={
                        showProblem && hint.problem
                          ? hint.problem
                          : refused.has(url.trim())
                            ? t('oit.form.urlRefused')
                            : undefined
                      }
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={26}
                      size="lg"
                      onClick={() => removeUrl(n)}
                      aria-label={t('oit.form.removeUrl', { n: n + 1 })}
                      disabled={draft.urls.length === 1 && url === ''}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                  {!hint.problem && hint.warnings.includes('not_main_domain') && !view && (
                    <Text size="xs" c="yellow.8">
                      {t('oit.form.notMainDomain', { website: c.agency.website ?? '' })}
                    </Text>
                  )}
                  {!hint.problem && hint.warnings.includes('main_website_unknown') && !view && (
                    <Text size="xs" c="yellow.8">
                      {t('oit.form.websiteUnknown')}
                    </Text>
                  )}
                  {view && <UrlEvidence view={view} snapshots={evidence} />}
                </Stack>
              );
            })}
            <Group>
              <Button
                variant="light"
                size="xs"
                disabled={draft.urls.length >= OIT_URLS_MAX}
                onClick={() => setDraft((d) => ({ ...d, urls: [...d.urls, ''] }))}
              >
                {t('oit.form.addUrl')}
              </Button>
              {draft.urls.length >= OIT_URLS_MAX && (
                <Text size="xs" c="dimmed">
                  {t('oit.form.urlsMax', { n: OIT_URLS_MAX })}
                </Text>
              )}
            </Group>
          </Stack>
        )}
        {draft.has === false && item.answer.urls.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('oit.form.urlsKept')}
          </Text>
        )}

        <Textarea
          label={t('oit.form.explanation')}
          description={t('oit.form.explanationHint')}
          value={draft.explanation}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setDraft((d) => ({ ...d, explanation: v }));
          }}
          maxLength={OIT_EXPLANATION_MAX_LENGTH}
          autosize
          minRows={2}
          maxRows={8}
        />

        {save.error ? (
          <Alert color="red" role="alert" title={t('oit.form.notSaved')}>
            {messageOf(save.error, lang) ?? t('common.unexpectedError')}
          </Alert>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Button type="submit" loading={save.isPending} variant={dirty ? 'filled' : 'light'}>
            {t('oit.form.save')}
          </Button>
          {mayRefetch && item.answer.urls.length > 0 && <Refetch item={item} checklist={c} />}
          <Text size="xs" c={dirty ? 'orange' : 'dimmed'} role="status">
            {dirty
              ? t('oit.form.unsaved')
              : item.answer.updatedAt
                ? t('oit.form.savedAt', { date: formatDateTime(item.answer.updatedAt, lang) })
                : t('oit.form.neverSaved')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** Queue a fresh check of the item's saved URLs; the checklist then polls until it finishes. */
export function Refetch({ item, checklist: c }: { item: ChecklistItem; checklist: Checklist }) {
  const { lang, t } = useLang();
  const refetch = useRefetchItemEvidence(c.agency.id, c.year);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        loading={refetch.isPending}
        onClick={() => refetch.mutate(item.code)}
        aria-label={t('oit.evidence.refetchFor', { code: item.code })}
      >
        {t('oit.evidence.refetch')}
      </Button>
      {refetch.error ? (
        <Text size="xs" c="red" role="alert">
          {messageOf(refetch.error, lang) ?? t('common.unexpectedError')}
        </Text>
      ) : null}
    </>
  );
}
