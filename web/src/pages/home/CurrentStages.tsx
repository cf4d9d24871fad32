import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useAgencyCalendar } from '../../api/calendar.ts';
import { useFramework } from '../../api/frameworks.ts';
import { FrameworkCalendar } from '../../components/FrameworkCalendar.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyStagesView, frameworkStagesView, type StagesView, stagesLine } from '../../lib/calendar.ts';
import { formatDate, formatFiscalYear } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

/**
 * The year's calendar with today's stages called out; full timeline when `full`. With an agency, its own
 * calendar from the API (extensions applied: the same answer as its OIT and survey pages); without one, the
 * framework's dates.
 */
export function CurrentStages({
  year,
  agencyId,
  full = false,
}: {
  year: number;
  agencyId?: string;
  full?: boolean;
}) {
  const framework = useFramework(agencyId ? null : year).data?.framework;
  const agencyCalendar = useAgencyCalendar(agencyId ?? '', agencyId ? year : null).data;
  const view = agencyCalendar
    ? agencyStagesView(agencyCalendar)
    : framework
      ? frameworkStagesView(framework.calendar)
      : null;
  if (!view) return null;
  return <StagesPanel year={year} view={view} full={full} />;
}

function StagesPanel({ year, view, full }: { year: number; view: StagesView; full: boolean }) {
  const { lang, t } = useLang();
  const line = stagesLine(view);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('home.calendar', { year: formatFiscalYear(year, lang) })}
        </Title>
        <Text size="sm" data-testid="current-stage">
          {line.kind === 'now'
            ? t('home.stageNow', { stages: line.stages.map((s) => pick(s.name, lang)).join(', ') })
            : line.kind === 'next'
              ? t('home.stageNext', {
                  stage: pick(line.stage.name, lang),
                  date: formatDate(line.stage.start, lang),
                })
              : line.kind === 'ended'
                ? t('home.stageNone')
                : null}
        </Text>
        {full && <FrameworkCalendar stages={view.stages} />}
        <Anchor component={RouterLink} to={`/frameworks/${year}?tab=calendar`} size="sm">
          {t('home.seeFramework')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
