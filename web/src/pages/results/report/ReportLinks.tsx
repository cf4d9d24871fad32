// Links to an agency's results reports, newest year first, the newest year with results out marked as the
// main one: on the agency page and the agency's home.
import { Button, Group } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { usePublicationStates } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYearShort } from '../../../lib/format.ts';
import { reportYear } from './report-view.ts';

export function ReportLinks({ agencyId, years }: { agencyId: string; years: readonly number[] }) {
  const { lang, t } = useLang();
  const { states } = usePublicationStates(years);
  const main = reportYear(years, states);
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  if (sorted.length === 0) return null;
  return (
    <Group gap="xs" data-testid="report-links">
      {sorted.map((y) => (
        <Button
          key={y}
          component={RouterLink}
          to={`/agencies/${agencyId}/results/${y}`}
          variant={y === main ? 'filled' : 'light'}
        >
          {t('report.openYear', { year: formatFiscalYearShort(y, lang) })}
        </Button>
      ))}
    </Group>
  );
}
