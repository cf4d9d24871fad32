import { Badge } from '@mantine/core';
import type { Role } from '../api/auth.ts';
import { useLang } from '../i18n/index.ts';

const COLORS: Record<Role, string> = {
  admin: 'grape',
  supervisor: 'teal',
  assessor: 'indigo',
  agency_admin: 'blue',
  executive: 'orange',
  agency_staff: 'cyan',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useLang();
  return (
    <Badge color={COLORS[role]} variant="light" size="sm">
      {t(`roles.${role}`)}
    </Badge>
  );
}
