// One OIT item in the checklist (the shared <ItemCard> as an accordion row): its state and who answers it
// under the heading; inside, the requirements
// (components, period, conditions) beside the answer form — or the answer read-only — the executive's
// return comment, delegation and the item's history.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useUser } from '../../../api/auth.ts';
import { type Checklist, type ChecklistItem, type EvidenceCheck, useSetAssignee } from '../../../api/oit.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { ItemCard } from '../shared/ItemCard.tsx';
import { ItemRequirements } from '../shared/ItemRequirements.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { AnswerReadOnly } from './AnswerReadOnly.tsx';
import { badgeWrap, readOnlyReason, stateColor } from './oit-view.ts';

export function ChecklistItemCard({
  item,
  checklist: c,
  evidence,
  mayRefetch,
  selectable,
  selected,
  onSelect,
  onHistory,
}: {
  item: ChecklistItem;
  checklist: Checklist;
  /** Every snapshot of the item's URLs, when the evidence list is loaded. */
  evidence: readonly EvidenceCheck[] | undefined;
  mayRefetch: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onHistory: () => void;
}) {
  const { lang, t } = useLang();
  const user = useUser();
  const a = item.answer;
  const reason = readOnlyReason(item, { role: user.role, userId: user.id, stageOpen: c.stage.open });

  return (
    <ItemCard
      code={item.code}
      title={item.title}
      anchor={`oit-item-${item.code}`}
      layout="accordion"
      leading={
        selectable && (
          <Checkbox
            ml="sm"
            checked={selected}
            onChange={(e) => onSelect(e.currentTarget.checked)}
            aria-label={t('oit.return.select', { code: item.code })}
          />
        )
      }
      badges={
        <>
          <Badge size="sm" variant="light" color={stateColor(a.state)} styles={badgeWrap}>
            {pick(a.stateName, lang)}
          </Badge>
          <Badge size="sm" variant="outline" color={a.answered ? 'green' : 'gray'} styles={badgeWrap}>
            {a.answered ? t('oit.item.answered') : t('oit.item.notAnswered')}
          </Badge>
          {a.assignee && (
            <Badge size="sm" variant="outline" color="cyan" styles={badgeWrap}>
              {t('oit.item.assignedTo', { name: a.assignee.displayName })}
            </Badge>
          )}
        </>
      }
    >
      <Stack gap="md">
        {a.state === 'returned' && a.returnComment && (
          <Alert color="orange" title={t('oit.item.returnedTitle')} data-testid="oit-return-comment">
            {a.returnComment}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ItemRequirements item={item} />
          <Stack gap="sm">
            {item.can.edit ? (
              <AnswerForm
                key={`${item.code}:${a.updatedAt ?? ''}:${a.state}`}
                item={item}
                checklist={c}
                evidence={evidence}
                mayRefetch={mayRefetch}
              />
            ) : (
              <>
                {reason && (
                  <Text size="sm" c="dimmed">
                    {t(`oit.readOnly.${reason}`, { name: a.assignee?.displayName ?? '–' })}
                  </Text>
                )}
                <AnswerReadOnly item={item} checklist={c} evidence={evidence} mayRefetch={mayRefetch} />
              </>
            )}
          </Stack>
        </SimpleGrid>
        <Group justify="space-between" gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            {a.updatedAt && (
              <Text size="xs" c="dimmed">
                {t('oit.item.updated', {
                  date: formatDateTime(a.updatedAt, lang),
                  name: a.updatedBy?.displayName ?? '–',
                })}
              </Text>
            )}
            {a.approvedAt && (
              <Text size="xs" c="dimmed">
                {t('oit.item.approvedAt', { date: formatDateTime(a.approvedAt, lang) })}
              </Text>
            )}
          </Stack>
          <Group gap="xs" align="flex-end" wrap="wrap">
            {item.can.delegate && <Delegate item={item} checklist={c} />}
            <Button
              variant="subtle"
              size="xs"
              onClick={onHistory}
              aria-label={t('oit.history.openFor', { code: item.code })}
            >
              {t('oit.history.open')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </ItemCard>
  );
}

function Delegate({ item, checklist: c }: { item: ChecklistItem; checklist: Checklist }) {
  const { t } = useLang();
  const assign = useSetAssignee(c.agency.id, c.year);
  const NOBODY = '-';
  const data = [
    { value: NOBODY, label: t('oit.delegate.nobody') },
    ...c.assignees.map((u) => ({ value: u.id, label: `${u.displayName} (${t(`roles.${u.role}`)})` })),
  ];
  return (
    <Stack gap={4}>
      <Select
        label={t('oit.delegate.label', { code: item.code })}
        data={data}
        value={item.answer.assignee?.id ?? NOBODY}
        onChange={(v) => assign.mutate({ code: item.code, userId: !v || v === NOBODY ? null : v })}
        allowDeselect={false}
        disabled={assign.isPending}
        rightSection={assign.isPending ? <Loader size="xs" /> : undefined}
        description={
          c.assignees.some((u) => u.role === 'agency_staff') ? undefined : t('oit.delegate.noStaff')
        }
        size="xs"
        w={260}
        maw="100%"
      />
      <ErrorAlert error={assign.error} />
    </Stack>
  );
}
