// The scope's supervisors edit the plan as a whole: start from the template (the framework's own dates for
// the year filled in), add template activities or their own, reorder, change periods, offices, status and
// notes, then save. A save over a colleague's newer one is refused (409 `plan_changed`) and the page offers
// the newer plan.
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type Plan, useSavePlan } from '../../api/plans.ts';
import { SaveNotices } from '../../components/SaveNotices.tsx';
import { useLang } from '../../i18n/index.ts';
import { todayInBangkok } from '../../lib/format.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { PlanTableDownload } from './PlanTable.tsx';
import {
  blankActivity,
  bodyFromDraft,
  type DraftActivity,
  draftChanged,
  draftFromPlan,
  draftProblems,
  fromTemplate,
  move,
} from './plan-draft.ts';

export function PlanEditor({ plan, onReload }: { plan: Plan; onReload: () => void }) {
  const { lang, t } = useLang();
  const { year, scope } = plan;
  const [draft, setDraft] = useState<DraftActivity[]>(() => draftFromPlan(plan));
  const [pick, setPick] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const save = useSavePlan(year, scope.kind, scope.code);
  const problems = draftProblems(draft, year, plan.limits);
  const changed = draftChanged(draft, plan);
  const full = draft.length >= plan.limits.activities;

  const submit = () => {
    setTried(true);
    if (problems.size > 0) return;
    save.mutate(bodyFromDraft(draft, plan.version), {
      onSuccess: (saved) => {
        setTried(false);
        setDraft(draftFromPlan(saved));
        notifications.show({ color: 'green', message: t('plans.saved') });
      },
    });
  };
  const update = (key: string, patch: Partial<DraftActivity>) =>
    setDraft((d) => d.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const addTemplate = () => {
    const item = plan.template[Number(pick)];
    if (!item) return;
    setDraft((d) => [...d, fromTemplate(item)]);
    setPick(null);
  };

  return (
    <Stack gap="md">
      {!plan.exists && draft.length === 0 && (
        <Alert variant="light" title={t('plans.newTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('plans.newHint', { count: plan.template.length })}</Text>
            <Button size="xs" onClick={() => setDraft(plan.template.map(fromTemplate))}>
              {t('plans.useTemplate')}
            </Button>
          </Stack>
        </Alert>
      )}
      {draft.map((a, i) => (
        <ActivityCard
          key={a.key}
          activity={a}
          number={i + 1}
          count={draft.length}
          year={year}
          plan={plan}
          problems={tried ? (problems.get(a.key) ?? []) : []}
          onChange={(patch) => update(a.key, patch)}
          onMove={(by) => setDraft((d) => move(d, i, by))}
          onRemove={() => setDraft((d) => d.filter((x) => x.key !== a.key))}
        />
      ))}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="xs" align="flex-end">
            <Select
              label={t('plans.fromTemplate')}
              placeholder={t('plans.pickTemplate')}
              data={plan.template.map((x, i) => ({
                value: String(i),
                label: lang === 'th' ? x.title : x.titleEn,
              }))}
              value={pick}
              onChange={setPick}
              searchable
              style={{ flex: '1 1 240px', minWidth: 0 }}
            />
            <Button variant="light" onClick={addTemplate} disabled={pick === null || full}>
              {t('plans.add')}
            </Button>
          </Group>
          <Group>
            <Button
              variant="subtle"
              disabled={full}
              onClick={() => setDraft((d) => [...d, blankActivity(todayInBangkok().slice(0, 7))])}
            >
              {t('plans.addOther')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <SaveNotices
        fix={tried && problems.size > 0 ? t('plans.fixActivities', { count: problems.size }) : null}
        changedCode="plan_changed"
        error={save.error}
        onReload={onReload}
        words={{ staleTitle: t('plans.staleTitle'), stale: t('plans.stale'), reload: t('plans.reload') }}
      />
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={!changed}>
          {t('plans.save')}
        </Button>
        {!changed && plan.exists && (
          <Text size="sm" c="dimmed">
            {t('plans.unchanged')}
          </Text>
        )}
        {plan.exists && <PlanTableDownload plan={plan} />}
      </Group>
    </Stack>
  );
}
