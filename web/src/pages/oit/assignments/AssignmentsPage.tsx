// Bulk assignment of agencies to an assessor for a fiscal year (/oit/assignments, NACC admins): by a filter
// (province, agency type, ministry; combined) or by choosing agencies. The page shows how many agencies the
// action names before it is confirmed, and what the server did afterwards. Assignments are only added.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import type { AgencyType } from '@server/shared/agency-types.ts';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { latestYear, useFrameworks } from '../../../api/frameworks.ts';
import { type BulkAssignResult, useBulkAssign, useParticipatingCount } from '../../../api/oit-assessment.ts';
import { useAgencyTypes, useMinistries, useProvinces } from '../../../api/reference.ts';
import { useAssessors } from '../../../api/users.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatCount, formatFiscalYear } from '../../../lib/format.ts';
import { pickName } from '../../../lib/localized.ts';
import { YearSelect } from '../../frameworks/YearSelect.tsx';
import { AgencyChooser } from './AgencyChooser.tsx';
import {
  type AssignForm,
  type AssignMode,
  agenciesNamed,
  assignFilterOf,
  assignFormProblems,
  bulkAssignBody,
  emptyAssignForm,
} from './bulk-assign.ts';

export default function AssignmentsPage() {
  const { lang, t } = useLang();
  const frameworks = useFrameworks();
  const assessors = useAssessors();
  const provinces = useProvinces();
  const types = useAgencyTypes();
  const ministries = useMinistries();
  const [form, setForm] = useState<AssignForm>(() => emptyAssignForm(null));
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<BulkAssignResult | null>(null);
  const assign = useBulkAssign();

  const year = form.year ?? latestYear(frameworks.data);
  const filled: AssignForm = { ...form, year };
  const filter = form.mode === 'filter' ? assignFilterOf(filled) : null;
  const matching = useParticipatingCount(year, filter);
  const named = agenciesNamed(filled, matching.data);
  const problems = assignFormProblems(filled);
  const body = bulkAssignBody(filled);
  const assessor = assessors.data?.find((u) => u.id === form.assessorId);
  const set = (changes: Partial<AssignForm>) => {
    setForm((f) => ({ ...f, ...changes }));
    setResult(null);
    assign.reset();
  };
  const problem = (p: (typeof problems)[number]) =>
    tried && problems.includes(p) ? t(`oitAssess.assign.problem.${p}`) : undefined;

  const go = () => {
    if (!body || year === null) return;
    setAsking(false);
    assign.mutate({ year, body }, { onSuccess: setResult });
  };

  return (
    <>
      <PageHeader title={t('oitAssess.assign.title')} description={t('oitAssess.assign.description')} />
      <Stack gap="lg" maw={760}>
        <Paper withBorder p="md">
          <Stack
            gap="md"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              if (body) setAsking(true);
            }}
          >
            <Group gap="md" align="flex-start" wrap="wrap">
              <YearSelect value={year} onChange={(y) => set({ year: y })} label={t('oitAssess.year')} />
              <Select
                label={t('oitAssess.assign.assessor')}
                placeholder={t('oitAssess.assign.chooseAssessor')}
                data={(assessors.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName} (${u.username})`,
                }))}
                value={form.assessorId}
                onChange={(v) => set({ assessorId: v })}
                searchable
                nothingFoundMessage={t('oitAssess.assign.noAssessors')}
                error={problem('assessor')}
                withAsterisk
                style={{ flex: '1 1 240px' }}
              />
            </Group>
            <ErrorAlert error={assessors.error} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="assign-mode-label">
                {t('oitAssess.assign.how')}
              </Text>
              <SegmentedControl
                value={form.mode}
                onChange={(v) => set({ mode: v as AssignMode })}
                aria-labelledby="assign-mode-label"
                data={[
                  { value: 'filter', label: t('oitAssess.assign.byFilter') },
                  { value: 'agencies', label: t('oitAssess.assign.byList') },
                ]}
              />
            </Stack>
            {form.mode === 'filter' ? (
              <Stack gap="sm" component="fieldset" p={0} m={0} style={{ border: 0 }}>
                <Text component="legend" size="sm" c="dimmed" p={0}>
                  {t('oitAssess.assign.filterHint')}
                </Text>
                <Select
                  label={t('oitAssess.assign.province')}
                  placeholder={t('oitAssess.assign.any')}
                  data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
                  value={form.provinceCode}
                  onChange={(v) => set({ provinceCode: v })}
                  searchable
                  clearable
                  nothingFoundMessage={t('common.nothingFound')}
                />
                <Select
                  label={t('oitAssess.assign.agencyType')}
                  placeholder={t('oitAssess.assign.any')}
                  data={(types.data ?? []).map((ty) => ({
                    value: ty.code,
                    label: lang === 'en' ? ty.en : ty.th,
                  }))}
                  value={form.agencyType}
                  onChange={(v) => set({ agencyType: v as AgencyType | null })}
                  searchable
                  clearable
                  nothingFoundMessage={t('common.nothingFound')}
                />
                <Select
                  label={t('oitAssess.assign.ministry')}
                  placeholder={t('oitAssess.assign.any')}
                  data={(ministries.data ?? []).map((m) => ({ value: m.code, label: pickName(m, lang) }))}
                  value={form.ministryCode}
                  onChange={(v) => set({ ministryCode: v })}
                  searchable
                  clearable
                  nothingFoundMessage={t('common.nothingFound')}
                  error={problem('filter')}
                />
              </Stack>
            ) : (
              <AgencyChooser
                year={year}
                value={form.agencyIds}
                onChange={(ids) => set({ agencyIds: ids })}
                error={problem('agencies')}
              />
            )}
            <Text size="sm" role="status" aria-live="polite" data-testid="assign-count">
              {named === undefined
                ? form.mode === 'filter' && filter !== null
                  ? t('oitAssess.assign.counting')
                  : t('oitAssess.assign.chooseFirst')
                : t('oitAssess.assign.willAssign', {
                    n: formatCount(named, lang),
                    year: year === null ? '' : formatFiscalYear(year, lang),
                  })}
            </Text>
            <ErrorAlert error={matching.error} />
            <ErrorAlert error={assign.error} />
            <Group>
              <Button type="submit" loading={assign.isPending} disabled={named === 0}>
                {t('oitAssess.assign.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {result && (
          <Alert color="green" title={t('oitAssess.assign.doneTitle')} role="status">
            <Stack gap={4}>
              <Text size="sm">
                {t('oitAssess.assign.done', {
                  matched: formatCount(result.matched, lang),
                  added: formatCount(result.added, lang),
                  already: formatCount(result.alreadyAssigned, lang),
                  assigned: formatCount(result.assigned, lang),
                  who: assessor?.displayName ?? '',
                })}
              </Text>
              <Anchor
                component={RouterLink}
                to={`/oit/queue?year=${result.year}&assessor=${result.assessorId}`}
                size="sm"
              >
                {t('oitAssess.assign.seeQueue')}
              </Anchor>
            </Stack>
          </Alert>
        )}
      </Stack>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('oitAssess.assign.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t('oitAssess.assign.confirmBody', {
              n: named === undefined ? '–' : formatCount(named, lang),
              who: assessor?.displayName ?? '',
              year: year === null ? '' : formatFiscalYear(year, lang),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={go} data-autofocus>
              {t('oitAssess.assign.confirmGo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
