import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useFramework } from '../../api/frameworks.ts';
import { FrameworkCalendar } from '../../components/FrameworkCalendar.tsx';
import { useLang } from '../../i18n/index.ts';
import { currentStages, nextStage } from '../../lib/calendar.ts';
import { formatDate, formatFiscalYear, todayInBangkok } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

/** The year's calendar with today's stages called out; full timeline when `full`. */
export function CurrentStages({ year, full = false }: { year: number; full?: boolean }) {
  const { lang, t } = useLang();
  const framework = useFramework(year).data?.framework;
  if (!framework) return null;
  const today = todayInBangkok();
  const now = currentStages(framework.calendar, today);
  const next = nextStage(framework.calendar, today);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('home.calendar', { year: formatFiscalYear(year, lang) })}
        </Title>
        <Text size="sm" data-testid="current-stage">
          {now.length > 0
            ? t('home.stageNow', { stages: now.map((s) => pick(s.name, lang)).join(', ') })
            : next
              ? t('home.stageNext', { stage: pick(next.name, lang), date: formatDate(next.start, lang) })
              : t('home.stageNone')}
        </Text>
        {full && <FrameworkCalendar calendar={framework.calendar} today={today} />}
        <Anchor component={RouterLink} to={`/frameworks/${year}?tab=calendar`} size="sm">
          {t('home.seeFramework')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
