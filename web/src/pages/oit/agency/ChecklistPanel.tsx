// The checklist tab: progress, the review actions of the viewer's role, a filter, and the items grouped by
// indicator and sub-indicator (each an accordion entry with its requirements next to the form).
import {
  Accordion,
  Button,
  Chip,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../../api/auth.ts';
import type { Checklist, EvidenceCheck } from '../../../api/oit.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatCount } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { ChecklistItemCard } from './ChecklistItemCard.tsx';
import { ChecklistReview } from './ChecklistReview.tsx';
import { ITEM_FILTERS, type ItemFilter, matchesFilter, returnableCodes } from './oit-view.ts';

export function ChecklistPanel({
  checklist: c,
  evidence,
  mayRefetch,
  onHistory,
}: {
  checklist: Checklist;
  /** Snapshots per item code, when the evidence list is loaded. */
  evidence: ReadonlyMap<string, EvidenceCheck[]> | undefined;
  mayRefetch: boolean;
  onHistory: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const user = useUser();
  // Staff answer only what was delegated to them: start there (every item stays one click away).
  const [filter, setFilter] = useState<ItemFilter>(user.role === 'agency_staff' ? 'mine' : 'all');
  const [open, setOpen] = useState<string[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const returnable = new Set(returnableCodes(c));
  const selectedNow = selected.filter((code) => returnable.has(code));

  /** Opens an item (e.g. from the list of unanswered items) and moves the focus to it. */
  const goTo = (code: string) => {
    setFilter('all');
    setOpen((o) => (o.includes(code) ? o : [...o, code]));
    requestAnimationFrame(() => {
      const el = document.getElementById(`oit-item-${code}`);
      el?.scrollIntoView({ block: 'start' });
      el?.querySelector<HTMLElement>('button')?.focus();
    });
  };

  const visible = c.indicators
    .map((ind) => ({
      ...ind,
      subIndicators: ind.subIndicators
        .map((s) => ({ ...s, items: s.items.filter((i) => matchesFilter(i, filter, user.id)) }))
        .filter((s) => s.items.length > 0),
    }))
    .filter((ind) => ind.subIndicators.length > 0);
  const total = c.progress.total;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Figure label={t('oit.progress.answered')} value={c.progress.answered} total={total} />
            <Figure label={t('oit.progress.submitted')} value={c.progress.submitted} total={total} />
            <Figure label={t('oit.progress.approved')} value={c.progress.approved} total={total} />
          </SimpleGrid>
          <ChecklistReview
            checklist={c}
            selected={selectedNow}
            onGoTo={goTo}
            onReturned={() => setSelected([])}
          />
        </Stack>
      </Paper>

      <Stack gap={4}>
        <Text id="oit-filter-label" size="sm" fw={600}>
          {t('oit.filter.label')}
        </Text>
        <Chip.Group value={filter} onChange={(v) => setFilter(v as ItemFilter)}>
          <Group gap="xs" role="radiogroup" aria-labelledby="oit-filter-label">
            {ITEM_FILTERS.map((f) => (
              <Chip key={f} value={f} size="sm">
                {t(`oit.filter.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>

      {visible.length === 0 && (
        <EmptyState
          title={t('oit.filter.emptyTitle')}
          hint={t('oit.filter.emptyHint')}
          action={
            <Button variant="light" onClick={() => setFilter('all')}>
              {t('oit.filter.showAll')}
            </Button>
          }
        />
      )}

      {visible.map((ind) => (
        <Stack key={ind.code} gap="md" component="section" aria-labelledby={`oit-ind-${ind.code}`}>
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h4" id={`oit-ind-${ind.code}`}>
              {ind.code} · {pick(ind.name, lang)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('oit.progress.count', {
                answered: formatCount(ind.progress.answered, lang),
                total: formatCount(ind.progress.total, lang),
              })}
            </Text>
          </Group>
          {ind.subIndicators.map((sub) => (
            <Stack key={sub.code} gap="xs">
              <Title order={3} size="h5">
                {sub.code} · {pick(sub.name, lang)}
              </Title>
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={sub.progress.total ? (100 * sub.progress.answered) / sub.progress.total : 0}
                  color={sub.progress.answered === sub.progress.total ? 'green' : 'blue'}
                  style={{ flex: 1 }}
                  aria-label={t('oit.progress.subLabel', { code: sub.code })}
                />
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('oit.progress.count', {
                    answered: formatCount(sub.progress.answered, lang),
                    total: formatCount(sub.progress.total, lang),
                  })}
                </Text>
              </Group>
              <Accordion multiple variant="separated" order={4} value={open} onChange={setOpen}>
                {sub.items.map((item) => (
                  <ChecklistItemCard
                    key={item.code}
                    item={item}
                    checklist={c}
                    evidence={evidence?.get(item.code) ?? (evidence ? [] : undefined)}
                    mayRefetch={mayRefetch}
                    selectable={returnable.has(item.code)}
                    selected={selectedNow.includes(item.code)}
                    onSelect={(on) =>
                      setSelected((s) => (on ? [...s, item.code] : s.filter((x) => x !== item.code)))
                    }
                    onHistory={() => onHistory(item.code)}
                  />
                ))}
              </Accordion>
            </Stack>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function Figure({ label, value, total }: { label: string; value: number; total: number }) {
  const { lang } = useLang();
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={600} lh={1.2}>
        {formatCount(value, lang)}
        <Text span size="sm" c="dimmed">
          {' / '}
          {formatCount(total, lang)}
        </Text>
      </Text>
    </div>
  );
}
