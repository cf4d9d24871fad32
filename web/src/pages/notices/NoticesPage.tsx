// /notices: the signed-in person's notices, newest first, unread marked; opening one marks it read.
import { Button, Stack, Switch, Text } from '@mantine/core';
import { useMarkAllNoticesRead, useNotices } from '../../api/notices.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { useListParams } from '../../lib/list-params.ts';
import { NoticeCard } from './NoticeCard.tsx';

export default function NoticesPage() {
  const { t } = useLang();
  const { get, page, update, setPage } = useListParams();
  const unreadOnly = get('unread') === 'true';
  const list = useNotices(page, unreadOnly);
  const markAll = useMarkAllNoticesRead();
  return (
    <Stack>
      <PageHeader
        title={t('notices.title')}
        description={t('notices.intro')}
        actions={
          <Button
            variant="light"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={(list.data?.unread ?? 0) === 0}
          >
            {t('notices.markAllRead')}
          </Button>
        }
      />
      <Switch
        label={t('notices.unreadOnly')}
        checked={unreadOnly}
        onChange={(e) => update({ unread: e.currentTarget.checked ? 'true' : '', page: '' })}
      />
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState
            title={unreadOnly ? t('notices.emptyUnread') : t('notices.empty')}
            hint={t('notices.emptyHint')}
          />
        }
      >
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('notices.total', { count: data.total, unread: data.unread })}
            </Text>
            {data.items.map((n) => (
              <NoticeCard key={n.id} notice={n} />
            ))}
            <PaginationFooter
              page={data.page}
              total={data.total}
              pageSize={data.pageSize}
              onChange={setPage}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
