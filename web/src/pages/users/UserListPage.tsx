// Admins: every account. Agency admins: their agency's accounts (the server filters).
import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ROLES } from '@server/core/authz.ts';
import { PAGE_SIZE_DEFAULT } from '@server/shared/limits.ts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useUser } from '../../api/auth.ts';
import { type UserView, useUpdateUser, useUsers } from '../../api/users.ts';
import { useCan } from '../../auth/permissions.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { useListParams } from '../../lib/list-params.ts';
import { pickName } from '../../lib/localized.ts';

const UserFormModal = lazy(() => import('./UserFormModal.tsx'));
const ScopesModal = lazy(() => import('./ScopesModal.tsx'));
const AssignmentsModal = lazy(() => import('./AssignmentsModal.tsx'));

type Dialog = { kind: 'create' } | { kind: 'edit' | 'scopes' | 'assignments'; user: UserView } | null;

export default function UserListPage() {
  const { lang, t } = useLang();
  const me = useUser();
  const can = useCan();
  const isAdmin = can('user.manage', null);
  const { get, page, update: updateParams, setPage } = useListParams();
  const [q, setQ] = useState(get('q'));
  const [debouncedQ] = useDebouncedValue(q, 350);
  const role = isAdmin ? get('role') : '';
  const [dialog, setDialog] = useState<Dialog>(null);
  const agencyId = isAdmin ? get('agencyId') || undefined : (me.agencyId ?? undefined);

  // The search box updates the address after typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this
  useEffect(() => {
    if (get('q') !== debouncedQ.trim()) updateParams({ q: debouncedQ.trim() });
  }, [debouncedQ]);

  const list = useUsers({
    q: get('q') || undefined,
    role: role || undefined,
    agencyId,
    page,
    pageSize: PAGE_SIZE_DEFAULT,
  });
  const update = useUpdateUser();
  const filtered = Boolean(get('q') || role);

  return (
    <>
      <PageHeader
        title={isAdmin ? t('users.title') : t('users.agencyTitle')}
        description={list.data ? t('users.count', { n: formatCount(list.data.total, lang) }) : undefined}
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" role="search">
          <TextInput
            type="search"
            label={t('users.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          {isAdmin && (
            <Select
              label={t('users.role')}
              placeholder={t('users.allRoles')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role || null}
              onChange={(v) => updateParams({ role: v ?? '' })}
              clearable
              style={{ flex: '1 1 180px' }}
            />
          )}
        </Group>
        <ErrorAlert error={update.error} />
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState
              title={filtered ? t('users.empty.filtered') : t('users.empty.none')}
              hint={filtered ? t('users.empty.filteredHint') : t('users.empty.noneHint')}
            />
          }
        >
          {(data) => (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped withTableBorder aria-label={t('users.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('users.name')}</Table.Th>
                      <Table.Th scope="col">{t('users.role')}</Table.Th>
                      <Table.Th scope="col">{t('users.agency')}</Table.Th>
                      <Table.Th scope="col">{t('users.status')}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {u.displayName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {u.username}
                            {u.email ? ` · ${u.email}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <RoleBadge role={u.role} />
                        </Table.Td>
                        <Table.Td>
                          {u.agency ? (
                            <Anchor component={RouterLink} to={`/agencies/${u.agency.id}`} size="sm">
                              {pickName(u.agency, lang)}
                            </Anchor>
                          ) : (
                            '–'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={u.active ? 'green' : 'gray'} variant="light">
                            {u.active ? t('users.active') : t('users.inactive')}
                          </Badge>
                          {u.awaitingConfirmation && (
                            <Badge color="yellow" variant="light" ml={4}>
                              {t('executives.awaiting')}
                            </Badge>
                          )}
                          {u.security?.lockedUntil && (
                            <Badge color="red" variant="light" ml={4}>
                              {t('users.locked')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button
                                size="xs"
                                variant="default"
                                aria-label={t('users.actionsFor', { name: u.displayName })}
                              >
                                {t('common.actions')}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setDialog({ kind: 'edit', user: u })}>
                                {t('users.edit')}
                              </Menu.Item>
                              {isAdmin && u.role === 'supervisor' && (
                                <Menu.Item onClick={() => setDialog({ kind: 'scopes', user: u })}>
                                  {t('users.scopes.title')}
                                </Menu.Item>
                              )}
                              {isAdmin && u.role === 'assessor' && (
                                <Menu.Item onClick={() => setDialog({ kind: 'assignments', user: u })}>
                                  {t('users.assignments.title')}
                                </Menu.Item>
                              )}
                              {u.id !== me.id && (
                                <Menu.Item
                                  color={u.active ? 'red' : undefined}
                                  onClick={() => update.mutate({ id: u.id, body: { active: !u.active } })}
                                >
                                  {u.active ? t('users.deactivate') : t('users.activate')}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <PaginationFooter
                page={page}
                total={data.total}
                pageSize={PAGE_SIZE_DEFAULT}
                onChange={setPage}
                summary={null}
              />
            </>
          )}
        </QueryState>
      </Stack>
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
        {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'scopes' && <ScopesModal user={dialog.user} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'assignments' && (
          <AssignmentsModal user={dialog.user} onClose={() => setDialog(null)} />
        )}
      </Suspense>
    </>
  );
}
