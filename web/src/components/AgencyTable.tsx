import { Anchor, Table, Text } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import type { AgencySummary } from '../api/agencies.ts';
import { useLang } from '../i18n/index.ts';
import { agencyTypeWords } from '../lib/agency-words.ts';
import { pickName } from '../lib/localized.ts';
import { ParticipationBadge } from './ParticipationBadge.tsx';

export function AgencyTable({
  agencies,
  showParticipation,
  label,
}: {
  agencies: AgencySummary[];
  showParticipation: boolean;
  label: string;
}) {
  const { lang, t } = useLang();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('agencies.name')}</Table.Th>
            <Table.Th scope="col">{t('agencies.type')}</Table.Th>
            <Table.Th scope="col">{t('agencies.province')}</Table.Th>
            {showParticipation && <Table.Th scope="col">{t('agencies.participation')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agencies.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={RouterLink} to={`/agencies/${a.id}`} fw={600} size="sm">
                  {pickName(a, lang)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {a.code}
                  {!a.active && ` · ${t('agencies.inactive')}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{agencyTypeWords(a.type, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.province ? pickName(a.province, lang) : '–'}</Text>
              </Table.Td>
              {showParticipation && (
                <Table.Td>
                  <ParticipationBadge participation={a.participation} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
