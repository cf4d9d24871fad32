import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useYearStages } from '../../api/stages.ts';
import { FrameworkCalendar } from '../../components/FrameworkCalendar.tsx';
import { useLang } from '../../i18n/index.ts';
import { type StagesView, stagesLine } from '../../lib/calendar.ts';
import { formatDate, formatFiscalYear } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';

/**
 * The year's calendar with today's stages called out; full timeline when `full`. With an agency, its own
 * calendar from the API (extensions applied: the same answer as its OIT and survey pages); without one, the
 * year's own dates from GET /cycles/:year/calendar (the server's clock, the year's closure applied).
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
  // Both answers come from the server's clock by the one rule (src/core/calendar.ts): the agency's calendar
  // with its extensions, or the year's own dates with its closure. The browser's clock decides nothing.
  const { view } = useYearStages(year, agencyId);
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
