// Item-by-item assessment: the list of items with where each stands beside the one open item, previous /
// next / next unscored, and keyboard shortcuts (documented on screen). On a phone the list folds away
// behind a button. The open item is kept in the address (?item=code) so a link opens it.
import {
  Badge,
  Box,
  Button,
  Collapse,
  Grid,
  Group,
  Kbd,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { Assessment, AssessmentItem } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';
import { AssessmentItemCard } from './AssessmentItemCard.tsx';
import {
  type ItemListState,
  itemAnchor,
  itemListState,
  nextUnscored,
  shortcutAllowed,
  stepItem,
} from './assess-view.ts';

const STATE_COLOR: Record<ItemListState, string> = {
  unscored: 'yellow',
  full: 'green',
  zero: 'red',
  waiting: 'gray',
};

export function ItemWork({
  assessment: a,
  items,
  open,
  onOpen,
  canRefetch,
  onShowHistory,
}: {
  assessment: Assessment;
  /** The items the filter shows, in page order. */
  items: AssessmentItem[];
  open: string | null;
  onOpen: (code: string) => void;
  canRefetch: boolean;
  onShowHistory: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [listShown, setListShown] = useState(false);
  const current = items.find((i) => i.code === open) ?? items[0];
  const position = current ? items.indexOf(current) + 1 : 0;
  const remaining = items.filter((i) => itemListState(i) === 'unscored').length;
  const prev = stepItem(items, current?.code ?? null, -1);
  const next = stepItem(items, current?.code ?? null, 1);
  const unscored = nextUnscored(items, current?.code ?? null);
  const heading = useRef<HTMLDivElement>(null);

  const go = (code: string | null) => {
    if (!code) return;
    onOpen(code);
    if (narrow) setListShown(false);
  };

  // Page shortcuts: j / k move, n goes to the next unscored item (the score form adds 1–9, p and s).
  const keys = useRef({ prev, next, unscored, go });
  keys.current = { prev, next, unscored, go };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutAllowed(e)) return;
      const k = keys.current;
      const target = e.key === 'j' ? k.next : e.key === 'k' ? k.prev : e.key === 'n' ? k.unscored : undefined;
      if (target === undefined) return;
      e.preventDefault();
      k.go(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A newly opened item: its heading takes the focus, so a screen reader reads where the assessor is.
  useEffect(() => {
    if (!current) return;
    const el = document.getElementById(itemAnchor(current.code));
    el?.focus({ preventScroll: true });
    heading.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current?.code, current]);

  const list = (
    <nav aria-label={t('oitAssess.work.listLabel')}>
      <ScrollArea.Autosize mah={narrow ? 360 : 'calc(100vh - 160px)'} type="auto">
        <Stack gap={2} data-testid="item-list">
          {items.map((item) => {
            const state = itemListState(item);
            return (
              <NavLink
                key={item.code}
                component="button"
                active={item.code === current?.code}
                aria-current={item.code === current?.code ? 'true' : undefined}
                onClick={() => go(item.code)}
                label={`${item.code} ${pick(item.title, lang)}`}
                styles={{ label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
                rightSection={
                  <Badge size="xs" variant="light" color={STATE_COLOR[state]} data-state={state}>
                    {t(`oitAssess.work.state.${state}`)}
                  </Badge>
                }
                description={item.clarification ? t('oitAssess.filter.clarifications') : undefined}
              />
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </nav>
  );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('oitAssess.work.listTitle')}
            </Title>
            <Text size="xs" c="dimmed" data-testid="items-remaining">
              {remaining > 0 ? t('oitAssess.work.remaining', { n: remaining }) : t('oitAssess.work.noneLeft')}
            </Text>
            {narrow ? (
              <>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setListShown((v) => !v)}
                  aria-expanded={listShown}
                >
                  {listShown
                    ? t('oitAssess.work.hideList')
                    : t('oitAssess.work.showList', { n: items.length })}
                </Button>
                <Collapse expanded={listShown}>{list}</Collapse>
              </>
            ) : (
              list
            )}
            <Shortcuts />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        {current && (
          <Stack gap="sm">
            <Group justify="space-between" gap="xs" wrap="wrap" ref={heading}>
              <Text size="sm" c="dimmed" data-testid="item-position">
                {t('oitAssess.work.position', { n: position, total: items.length })}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Button size="xs" variant="default" disabled={!prev} onClick={() => go(prev)}>
                  {t('oitAssess.work.previous')}
                </Button>
                <Button size="xs" variant="default" disabled={!next} onClick={() => go(next)}>
                  {t('oitAssess.work.next')}
                </Button>
                <Button size="xs" disabled={!unscored} onClick={() => go(unscored)}>
                  {t('oitAssess.work.nextUnscored')}
                </Button>
              </Group>
            </Group>
            <Box data-testid="open-item" data-code={current.code}>
              <AssessmentItemCard
                key={current.code}
                item={current}
                agencyId={a.agency.id}
                year={a.year}
                canRefetch={canRefetch}
                onShowHistory={onShowHistory}
              />
            </Box>
          </Stack>
        )}
      </Grid.Col>
    </Grid>
  );
}

function Shortcuts() {
  const { t } = useLang();
  const rows: [string[], string][] = [
    [['j'], t('oitAssess.work.keys.next')],
    [['k'], t('oitAssess.work.keys.previous')],
    [['n'], t('oitAssess.work.keys.nextUnscored')],
    [['1', '9'], t('oitAssess.work.keys.component')],
    [['p'], t('oitAssess.work.keys.propose')],
    [['s'], t('oitAssess.work.keys.save')],
  ];
  return (
    <Stack gap={4} component="section" aria-labelledby="oit-shortcuts">
      <Text size="xs" fw={600} id="oit-shortcuts">
        {t('oitAssess.work.keysTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('oitAssess.work.keysHint')}
      </Text>
      <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px' }}>
        {rows.map(([keys, label]) => (
          <Box key={label} style={{ display: 'contents' }}>
            <Text component="dt" size="xs">
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && '–'}
                  <Kbd size="xs">{k}</Kbd>
                </span>
              ))}
            </Text>
            <Text component="dd" size="xs" m={0}>
              {label}
            </Text>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
