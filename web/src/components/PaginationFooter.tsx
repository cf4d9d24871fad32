// Under a paged list: what the list holds (or which page this is) on the left, the page buttons on the right
// when there is more than one page. Button names come from the catalogue (screen readers).
import { Group, Pagination, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/index.ts';
import { pageCount } from '../lib/list-params.ts';

export function PaginationFooter({
  page,
  total,
  pageSize,
  onChange,
  summary = 'pageOf',
  aside,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
  /** 'pageOf': "page 2 of 5"; a node: that text instead; null: nothing on the left. */
  summary?: 'pageOf' | ReactNode;
  /** Shown instead of the page buttons (a preview's "see all" link, or null for nothing). */
  aside?: ReactNode;
}) {
  const { t } = useLang();
  const pages = pageCount(total, pageSize);
  const left = summary === 'pageOf' ? t('common.pageOf', { page, pages }) : summary;
  const right =
    aside !== undefined
      ? aside
      : pages > 1 && (
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          />
        );
  if (!left && !right) return null;
  return (
    <Group justify={left ? 'space-between' : 'flex-start'}>
      {left && (
        <Text size="sm" c="dimmed">
          {left}
        </Text>
      )}
      {right}
    </Group>
  );
}
