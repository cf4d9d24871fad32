// An item's answer for a viewer who cannot change it now (the executive, a colleague's item, after
// submission or outside the window): the same facts as the form, with each URL's evidence.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Checklist, ChecklistItem, EvidenceCheck } from '../../../api/oit.ts';
import { useLang } from '../../../i18n/index.ts';
import { Refetch } from './AnswerForm.tsx';
import { UrlEvidence } from './UrlEvidence.tsx';

export function AnswerReadOnly({
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
  const { t } = useLang();
  const a = item.answer;
  return (
    <Stack gap="sm" data-testid="oit-answer-readonly">
      <div>
        <Text size="sm" fw={500}>
          {t('oit.form.has')}
        </Text>
        <Text size="sm">
          {a.has === null ? t('oit.form.undecided') : a.has ? t('oit.form.hasYes') : t('oit.form.hasNo')}
        </Text>
      </div>
      {a.urls.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('oit.form.urls')}
          </Text>
          {a.urls.map((u) => (
            <Stack key={u.url} gap={4}>
              <Anchor
                href={u.url}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {u.url}
              </Anchor>
              <UrlEvidence view={u} snapshots={evidence} />
            </Stack>
          ))}
        </Stack>
      )}
      <div>
        <Text size="sm" fw={500}>
          {t('oit.form.explanation')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.explanation ?? '–'}
        </Text>
      </div>
      {mayRefetch && a.urls.length > 0 && (
        <Group gap="sm">
          <Refetch item={item} checklist={c} />
        </Group>
      )}
    </Stack>
  );
}
