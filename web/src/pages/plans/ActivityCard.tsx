// One activity of the plan: what is done, when, by which offices, how far it got, notes, and the stages whose
// laggards it chases (each a link to the monitoring view of the agencies behind). Editable for the scope's
// supervisors, read-only for NACC.
import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
} from '@mantine/core';
import { formatPeriod } from '@server/core/plans/period.ts';
import { Link } from 'react-router';
import type { Plan } from '../../api/plans.ts';
import { useLang } from '../../i18n/index.ts';
import { PeriodInput } from './PeriodInput.tsx';
import type { ActivityProblem, ChaseStage, DraftActivity } from './plan-draft.ts';

export const STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const CHASE_STAGES: readonly ChaseStage[] = [
  'register',
  'stakeholder_data',
  'iit_collection',
  'eit_collection',
  'oit_answering',
];
const STATUS_COLORS = { planned: 'gray', in_progress: 'blue', done: 'green', cancelled: 'red' } as const;

export function StatusBadge({ status }: { status: DraftActivity['status'] }) {
  const { t } = useLang();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`plans.status.${status}`)}
    </Badge>
  );
}

export function ActivityCard({
  activity,
  number,
  count,
  year,
  plan,
  problems,
  onChange,
  onMove,
  onRemove,
}: {
  activity: DraftActivity;
  number: number;
  count: number;
  year: number;
  plan: Plan;
  problems: ActivityProblem[];
  onChange: (patch: Partial<DraftActivity>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const { t } = useLang();
  const label = t('plans.activityN', { n: number });
  const problem = (...codes: ActivityProblem[]) => {
    const found = codes.find((c) => problems.includes(c));
    return found
      ? t(`plans.problem.${found}`, { max: plan.limits.title, offices: plan.limits.offices })
      : undefined;
  };
  return (
    <Paper withBorder p="sm" radius="sm" component="fieldset" aria-label={label} style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{label}</Text>
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="default"
              disabled={number === 1}
              onClick={() => onMove(-1)}
              aria-label={t('plans.moveUp', { n: number })}
            >
              ↑
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={number === count}
              onClick={() => onMove(1)}
              aria-label={t('plans.moveDown', { n: number })}
            >
              ↓
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('plans.removeN', { n: number })}
            >
              {t('plans.remove')}
            </Button>
          </Group>
        </Group>
        <Textarea
          label={t('plans.activity')}
          autosize
          minRows={2}
          maxLength={plan.limits.title}
          value={activity.title}
          error={problem('title', 'titleTooLong')}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
        />
        <PeriodInput
          year={year}
          label={t('plans.period')}
          value={activity.period}
          error={problem('period')}
          onChange={(period) => onChange({ period })}
        />
        <TagsInput
          label={t('plans.offices')}
          description={t('plans.officesHint')}
          value={activity.offices}
          maxTags={plan.limits.offices}
          error={problem('offices', 'tooManyOffices')}
          onChange={(offices) => onChange({ offices })}
        />
        <Group gap="xs" align="flex-start" grow preventGrowOverflow={false}>
          <Select
            label={t('plans.statusLabel')}
            data={STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))}
            value={activity.status}
            onChange={(s) => s && onChange({ status: s as DraftActivity['status'] })}
            allowDeselect={false}
            style={{ minWidth: 140 }}
          />
          <MultiSelect
            label={t('plans.chases')}
            data={CHASE_STAGES.map((s) => ({ value: s, label: t(`plans.chase.${s}`) }))}
            value={activity.chases}
            onChange={(c) => onChange({ chases: c as ChaseStage[] })}
            style={{ minWidth: 200 }}
          />
        </Group>
        <Textarea
          label={t('plans.notes')}
          autosize
          minRows={1}
          maxLength={plan.limits.notes}
          value={activity.notes}
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}

/** An activity as NACC (and the printed page) reads it. */
export function ActivityView({ activity, number }: { activity: Plan['activities'][number]; number: number }) {
  const { lang, t } = useLang();
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={t('plans.activityN', { n: number })}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>
            {number}. {activity.title}
          </Text>
          <StatusBadge status={activity.status} />
        </Group>
        <Text size="sm">
          <b>{t('plans.period')}:</b> {formatPeriod(activity.period, lang)}
        </Text>
        <Text size="sm">
          <b>{t('plans.offices')}:</b> {activity.offices.join(', ')}
        </Text>
        {activity.notes && (
          <Text size="sm">
            <b>{t('plans.notes')}:</b> {activity.notes}
          </Text>
        )}
        <ChaseLinks chases={activity.chases} />
      </Stack>
    </Paper>
  );
}

export function ChaseLinks({ chases }: { chases: Plan['activities'][number]['chases'] }) {
  const { t } = useLang();
  if (chases.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{t('plans.chasing')}</Text>
      {chases.map((c) => (
        <Anchor key={c.stage} component={Link} to={c.href} size="sm">
          {c.behind === null
            ? t(`plans.chase.${c.stage}`)
            : t('plans.behindOn', { stage: t(`plans.chase.${c.stage}`), count: c.behind })}
        </Anchor>
      ))}
    </Group>
  );
}
