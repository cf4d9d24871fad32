// การใช้ SMS รหัส OTP: for NACC admins, each agency's SMS codes on a day against the daily cap, with the
// 80 % warning (also e-mailed to admins) and the agencies that reached the cap (SMS refused, e-mail offered).
import { Alert, Badge, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { type SmsUsage, useSmsUsage } from '../../api/otp.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatDate, formatDateTime, todayInBangkok } from '../../lib/format.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function OtpUsagePage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const asked = params.get('day') ?? '';
  const day = ISO_DAY.test(asked) ? asked : todayInBangkok();
  const usage = useSmsUsage(day);
  return (
    <>
      <PageHeader title={t('otp.title')} description={t('otp.description')} />
      <Stack gap="lg">
        <TextInput
          type="date"
          label={t('otp.day')}
          value={day}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (ISO_DAY.test(next)) setParams({ day: next }, { replace: true });
          }}
          w={220}
        />
        <QueryState query={usage}>{(data) => <UsageView usage={data} />}</QueryState>
      </Stack>
    </>
  );
}

function UsageView({ usage }: { usage: SmsUsage }) {
  const { lang, t } = useLang();
  const capped = usage.agencies.filter((a) => a.atCap).length;
  const warned = usage.agencies.filter((a) => a.warnedAt !== null).length;
  const name = (a: SmsUsage['agencies'][number]['agency']) =>
    lang === 'en' && a.nameEn ? a.nameEn : a.nameTh;
  return (
    <Stack gap="md">
      <Text>
        {t('otp.capLine', {
          day: formatDate(usage.day, lang),
          cap: formatCount(usage.cap, lang),
          warningAt: formatCount(usage.warningAt, lang),
        })}
      </Text>
      <Text c="dimmed" size="sm">
        {t('otp.senders', {
          sms: t(`otp.sender.${usage.senders.sms}`),
          email: t(`otp.sender.${usage.senders.email}`),
        })}
      </Text>
      {capped > 0 && (
        <Alert color="red" variant="light" title={t('otp.cappedTitle', { n: capped })}>
          {t('otp.cappedHint')}
        </Alert>
      )}
      {warned > capped && (
        <Alert color="orange" variant="light" title={t('otp.warnedTitle', { n: warned - capped })}>
          {t('otp.warnedHint')}
        </Alert>
      )}
      {usage.agencies.length === 0 ? (
        <Text c="dimmed">{t('otp.none')}</Text>
      ) : (
        <Paper withBorder p="md">
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('otp.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('otp.agency')}</Table.Th>
                  <Table.Th scope="col">{t('otp.sent')}</Table.Th>
                  <Table.Th scope="col">{t('otp.remaining')}</Table.Th>
                  <Table.Th scope="col">{t('otp.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usage.agencies.map((a) => (
                  <Table.Tr key={a.agency.id}>
                    <Table.Td>
                      <Text size="sm">{name(a.agency)}</Text>
                      <Text size="xs" c="dimmed">
                        {a.agency.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatCount(a.sent, lang)}</Table.Td>
                    <Table.Td>{formatCount(a.remaining, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {a.atCap ? (
                          <Badge color="red">{t('otp.atCap')}</Badge>
                        ) : a.warnedAt ? (
                          <Badge color="orange">{t('otp.warned')}</Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            {t('otp.ok')}
                          </Badge>
                        )}
                        {a.warnedAt && (
                          <Text size="xs" c="dimmed">
                            {t('otp.warnedAt', { at: formatDateTime(a.warnedAt, lang) })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
