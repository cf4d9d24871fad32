// EIT ส่วนที่ 2: the assessor's team works one agency-year here — draws the sample, calls contacts and enters
// each interview, and (a second assessor) approves or rejects what was entered. The server decides who may.
import { Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import type { SampleContact } from '../../api/interviews.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WaitingAgencies } from '../../components/WaitingAgencies.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { ApprovalQueue } from './ApprovalQueue.tsx';
import { InterviewEntry } from './InterviewEntry.tsx';
import { SamplePanel } from './SamplePanel.tsx';

export default function InterviewsPage() {
  const { lang, t } = useLang();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency');
  const agency = useAgency(agencyId ?? undefined);
  const years = (agency.data?.participations ?? []).map((p) => p.year).sort((a, b) => b - a);
  const year = Number(params.get('year')) || years[0] || null;
  const tab = params.get('tab') === 'queue' ? 'queue' : 'sample';
  const [calling, setCalling] = useState<SampleContact | null>(null);

  const choose = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (next.agency !== undefined) p.delete('year');
    setParams(p, { replace: true });
    setCalling(null);
  };

  return (
    <>
      <PageHeader title={t('interviews.title')} description={t('interviews.description')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div style={{ flex: '1 1 320px' }}>
            <AgencyPicker
              label={t('interviews.agency')}
              value={agencyId}
              onChange={(id) => choose({ agency: id })}
            />
          </div>
          <Select
            label={t('interviews.year')}
            data={years.map((y) => ({ value: String(y), label: formatFiscalYear(y, lang) }))}
            value={year ? String(year) : null}
            onChange={(y) => choose({ year: y })}
            disabled={years.length === 0}
            w={220}
          />
        </Group>
        {!agencyId && <Text c="dimmed">{t('interviews.chooseAgency')}</Text>}
        <WaitingAgencies
          page="eit2"
          enabled={!agencyId && (user.role === 'admin' || user.role === 'assessor')}
        />
        {agencyId && agency.data && years.length === 0 && (
          <Text c="dimmed">{t('interviews.noParticipation')}</Text>
        )}
        {agencyId && year && calling && (
          <InterviewEntry agencyId={agencyId} year={year} contact={calling} onDone={() => setCalling(null)} />
        )}
        {agencyId && year && !calling && (
          <Tabs
            value={tab}
            onChange={(v) => choose({ tab: v === 'queue' ? 'queue' : null })}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="sample">{t('interviews.tabs.sample')}</Tabs.Tab>
              <Tabs.Tab value="queue">{t('interviews.tabs.queue')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="sample" pt="md">
              <SamplePanel agencyId={agencyId} year={year} onCall={setCalling} />
            </Tabs.Panel>
            <Tabs.Panel value="queue" pt="md">
              <ApprovalQueue agencyId={agencyId} year={year} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </>
  );
}
