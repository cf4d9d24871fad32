// Where the agency's OIT stands: the review status, the calendar stage of its next step, whether that stage
// is open, and the deadline (BE date, after any extension granted to the agency).
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Assessment, Checklist } from '../../../api/oit.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { badgeWrap, daysLeft, stageSummary } from './oit-view.ts';

export function StageBanner({
  checklist,
  assessment,
}: {
  checklist: Checklist;
  assessment: Assessment | undefined;
}) {
  const { lang, t } = useLang();
  const stage = stageSummary(checklist, assessment);
  const today = checklist.stage.today;
  const notYet = stage?.opensOn ? today < stage.opensOn : false;
  const left = stage?.closesOn ? daysLeft(today, stage.closesOn) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="oit-stage-title" data-testid="oit-stage">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="oit-stage-title">
            {t('oit.stage.title')}
          </Title>
          <Badge variant="light" size="lg" data-testid="oit-review-status" styles={badgeWrap}>
            {pick(checklist.review.statusName, lang)}
          </Badge>
        </Group>
        {stage === null ? (
          <Text size="sm">{t('oit.stage.done')}</Text>
        ) : (
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{stage.name ? pick(stage.name, lang) : t(`oit.stage.code.${stage.code}`)}</Text>
            <Badge color={stage.open ? 'green' : notYet ? 'blue' : 'red'} variant="light" styles={badgeWrap}>
              {stage.open ? t('oit.stage.open') : notYet ? t('oit.stage.notYet') : t('oit.stage.closed')}
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
            {notYet && stage.opensOn
              ? t('oit.stage.opensOn', { date: formatDate(stage.opensOn, lang) })
              : t('oit.stage.deadline', { date: formatDate(stage.closesOn, lang) })}
            {stage.open && left !== null && left >= 0 && (
              <Text span c={left <= 7 ? 'red' : 'dimmed'}>
                {' · '}
                {left === 0 ? t('oit.stage.lastDay') : t('oit.stage.daysLeft', { n: left })}
              </Text>
            )}
          </Text>
        )}
        {stage && !stage.closesOn && <Text size="sm">{t('oit.stage.noWindow')}</Text>}
      </Stack>
    </Paper>
  );
}
