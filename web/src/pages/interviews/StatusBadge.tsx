import { Badge } from '@mantine/core';
import { useLang } from '../../i18n/index.ts';

const COLORS: Record<string, string> = {
  not_called: 'gray',
  completed: 'green',
  refused: 'red',
  unreachable: 'yellow',
  wrong_number: 'orange',
};

/** A contact's call status (or an interview's outcome) as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useLang();
  return (
    <Badge
      size="sm"
      variant="light"
      color={COLORS[status] ?? 'gray'}
      // Thai labels are long for a narrow column: wrap them rather than cut them off.
      styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal', overflow: 'visible' } }}
    >
      {t(`interviews.outcome.${status}`, { defaultValue: status })}
    </Badge>
  );
}
