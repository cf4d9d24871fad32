// Single-use tokens: the switch that requires them, generating a batch of printable slips, and the list of
// batches. How many tokens of a batch were used is deliberately unknowable, and the page says so.
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type IitAccess,
  useGenerateTokens,
  useSetTokensRequired,
  useTokenBatches,
} from '../../api/iit-access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';

const MAX_TOKENS = 2000;

export function TokensCard({
  access,
  agencyId,
  year,
}: {
  access: IitAccess;
  agencyId: string;
  year: number;
}) {
  const { lang, t } = useLang();
  const setRequired = useSetTokensRequired(agencyId, year);
  const batches = useTokenBatches(agencyId, year);
  const generate = useGenerateTokens(agencyId, year);
  const [count, setCount] = useState<number | string>(50);
  const valid = typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= MAX_TOKENS;

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('iitAccess.tokensTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('iitAccess.tokensHint')}
        </Text>
        <Switch
          label={t('iitAccess.tokensRequired')}
          checked={access.tokensRequired}
          disabled={setRequired.isPending}
          onChange={(e) => setRequired.mutate(e.currentTarget.checked)}
        />
        <ErrorAlert error={setRequired.error} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('iitAccess.tokenCount')}
            description={t('iitAccess.tokenCountHint', { max: formatCount(MAX_TOKENS, lang) })}
            min={1}
            max={MAX_TOKENS}
            value={count}
            onChange={setCount}
            error={
              valid ? undefined : t('iitAccess.tokenCountInvalid', { max: formatCount(MAX_TOKENS, lang) })
            }
            w={220}
          />
          <Button
            loading={generate.isPending}
            disabled={!valid}
            onClick={() => valid && generate.mutate(count)}
          >
            {t('iitAccess.generate')}
          </Button>
        </Group>
        {generate.isPending && (
          <Text size="sm" role="status">
            {t('iitAccess.generating')}
          </Text>
        )}
        {generate.isSuccess && (
          <Alert color="green" role="status">
            {t('iitAccess.generated', { count: formatCount(generate.data, lang) })}
          </Alert>
        )}
        <ErrorAlert error={generate.error ?? batches.error} />
        <Title order={3} size="h5">
          {t('iitAccess.batches')}
        </Title>
        {batches.data && batches.data.items.length === 0 ? (
          <Text c="dimmed">{t('iitAccess.noBatches')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('iitAccess.batchCreated')}</Table.Th>
                  <Table.Th>{t('iitAccess.batchBy')}</Table.Th>
                  <Table.Th ta="right">{t('iitAccess.batchIssued')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data?.items.map((b) => (
                  <Table.Tr key={b.batchId}>
                    <Table.Td>{b.createdAt ? formatDateTime(b.createdAt, lang) : '—'}</Table.Td>
                    <Table.Td>{b.createdBy ?? '—'}</Table.Td>
                    <Table.Td ta="right">{formatCount(b.issued, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t('iitAccess.usedNotCounted')}
        </Text>
      </Stack>
    </Paper>
  );
}
