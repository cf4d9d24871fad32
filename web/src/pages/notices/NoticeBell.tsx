// The bell in the header: a link to /notices with the number of unread notices (refreshed every minute).
import { ActionIcon, Indicator } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useUnreadNotices } from '../../api/notices.ts';
import { useLang } from '../../i18n/index.ts';

export function NoticeBell() {
  const { t } = useLang();
  const unread = useUnreadNotices().data?.unread ?? 0;
  const label = unread > 0 ? t('notices.bellUnread', { count: unread }) : t('notices.bell');
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
      <ActionIcon
        component={RouterLink}
        to="/notices"
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notice-bell"
      >
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
