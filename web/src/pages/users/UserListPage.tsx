// Admins: every account. Agency admins: their agency's accounts (the server filters).
import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Pagination,
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
import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useUser } from '../../api/auth.ts';
import { type UserView, useUpdateUser, useUsers } from '../../api/users.ts';
import { useCan } from '../../auth/permissions.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
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
  const [params] = useSearchParams();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 350);
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const agencyId = isAdmin ? (params.get('agencyId') ?? undefined) : (me.agencyId ?? undefined);
  const list = useUsers({
    q: debouncedQ.trim() || undefined,
    role: role ?? undefined,
    agencyId,
    page,
    pageSize: PAGE_SIZE_DEFAULT,
  });
  const update = useUpdateUser();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE_DEFAULT)) : 1;
  const filtered = Boolean(debouncedQ.trim() || role);

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
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 240px' }}
          />
          {isAdmin && (
            <Select
              label={t('users.role')}
              placeholder={t('users.allRoles')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => {
                setRole(v);
                setPage(1);
              }}
              clearable
              style={{ flex: '1 1 180px' }}
            />
          )}
        </Group>
        <ErrorAlert error={list.error ?? update.error} />
        {list.isPending && <Loading />}
        {list.data?.items.length === 0 && (
          <EmptyState
            title={filtered ? t('users.empty.filtered') : t('users.empty.none')}
            hint={filtered ? t('users.empty.filteredHint') : t('users.empty.noneHint')}
          />
        )}
        {list.data && list.data.items.length > 0 && (
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
                {list.data.items.map((u) => (
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
        )}
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
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
