// The year's open data: each dataset as CSV and JSON, the data dictionary and the licence (CC BY 4.0).
import { Anchor, Group, List, Text } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYearShort } from '../../lib/format.ts';
import { openDataUrl, publicPaths } from './api.ts';
import { PublicSection } from './PublicSection.tsx';

export const DATASETS = ['agencies', 'instruments', 'indicators', 'oit-items'] as const;

export function OpenDataLinks({ year }: { year: number }) {
  const { lang, t } = useLang();
  return (
    <PublicSection id="public-open-data" title={t('publicSite.openData.heading')}>
      <Text size="sm" mb="xs">
        {t('publicSite.openData.intro', { year: formatFiscalYearShort(year, lang) })}
      </Text>
      <List size="sm" spacing={4}>
        {DATASETS.map((d) => (
          <List.Item key={d}>
            {t(`publicSite.openData.datasets.${d}`)}:{' '}
            <Anchor href={openDataUrl(year, d, 'csv')} download>
              CSV
            </Anchor>{' '}
            ·{' '}
            <Anchor href={openDataUrl(year, d, 'json')} download>
              JSON
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Group gap="md" mt="sm">
        <Anchor component={RouterLink} to={publicPaths.openData(year)} size="sm">
          {t('publicSite.openData.dictionary')}
        </Anchor>
        <Anchor href="/api/docs" size="sm">
          {t('publicSite.openData.api')}
        </Anchor>
      </Group>
    </PublicSection>
  );
}
