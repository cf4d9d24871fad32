// Where an agency's OIT stands, for the agency and for its assessor alike: the review status, the calendar
// stage of the next step, whether it is open, and its deadline (Buddhist-Era dates, after any extension
// granted to the agency); with `stages`, the year's OIT stages under a disclosure.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { StageInfo } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDate, formatDateRange } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { badgeWrap, type StageSummary } from '../agency/oit-view.ts';

type Phase = 'open' | 'upcoming' | 'ended';

const PHASE_COLOR: Record<Phase | 'done', string> = {
  open: 'green',
  upcoming: 'blue',
  ended: 'red',
  done: 'green',
};

export function StageBanner({
  stage,
  status,
  stages,
}: {
  /** The stage of the next step; null when the result is confirmed and nothing is left to do. */
  stage: StageSummary | null;
  /** The review status (a badge). */
  status: ReactNode;
  stages?: readonly StageInfo[];
}) {
  const { lang, t } = useLang();
  // Phase and days left are the server's (src/core/calendar.ts), the same answer as the home page's calendar.
  const phase: Phase | null = stage?.phase ?? null;
  const left = stage?.daysLeft ?? null;
  const accent = PHASE_COLOR[phase ?? 'done'];

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="oit-stage-title"
      data-testid="oit-stage"
      style={{ borderLeft: `4px solid var(--mantine-color-${accent}-6)` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="oit-stage-title">
            {t('oit.stage.title')}
          </Title>
          {status}
        </Group>
        {stage === null || phase === null ? (
          <Text size="sm">{t('oit.stage.done')}</Text>
        ) : (
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{stage.name ? pick(stage.name, lang) : t(`oit.stage.code.${stage.code}`)}</Text>
            <Badge color={PHASE_COLOR[phase]} variant="light" styles={badgeWrap}>
              {t(`oit.stage.phase.${phase}`)}
            </Badge>
            {stage.extended && (
              <Badge color="grape" variant="light" styles={badgeWrap}>
                {t('oit.stage.extended')}
              </Badge>
            )}
          </Group>
        )}
        {stage?.closesOn && (
          <Text size="sm" data-testid="oit-deadline">
            {phase === 'upcoming' && stage.opensOn
              ? t('oit.stage.opensOn', { date: formatDate(stage.opensOn, lang) })
              : t('oit.stage.deadline', { date: formatDate(stage.closesOn, lang) })}
            {phase === 'open' && left !== null && left >= 0 && (
              <Text span c={left <= 7 ? 'red' : 'dimmed'}>
                {' · '}
                {left === 0 ? t('oit.stage.lastDay') : t('oit.stage.daysLeft', { n: left })}
              </Text>
            )}
          </Text>
        )}
        {phase === 'ended' && (
          <Text size="sm" c="red" fw={600}>
            {t('oit.stage.ended')}
          </Text>
        )}
        {stage && !stage.closesOn && <Text size="sm">{t('oit.stage.noWindow')}</Text>}
        {stages && stages.length > 0 && (
          <details>
            <summary>
              <Text span size="sm">
                {t('oit.stage.all')}
              </Text>
            </summary>
            <List size="sm" mt="xs" spacing={2}>
              {stages.map((s) => (
                <List.Item key={s.code}>
                  {pick(s.name, lang)}: {formatDateRange(s.opensOn, s.closesOn, lang)}
                  {s.extended ? ` · ${t('oit.stage.extended')}` : ''}
                  {s.code === stage?.code ? ` · ${t('oit.stage.current')}` : ''}
                </List.Item>
              ))}
            </List>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
