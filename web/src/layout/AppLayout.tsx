// The signed-in shell: header (product, language, user, sign out), a navigation bar by role, the page.
import { AppShell, Avatar, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { useSignOut, useUser } from '../api/auth.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Loading } from '../components/Loading.tsx';
import { RoleBadge } from '../components/RoleBadge.tsx';
import { useLang } from '../i18n/index.ts';
import { NoticeBell } from '../pages/notices/NoticeBell.tsx';
import { activeNavItem, navItems } from './nav.ts';
import { RouteAnnouncer } from './RouteAnnouncer.tsx';
import { SkipLink } from './SkipLink.tsx';

export function AppLayout() {
  const user = useUser();
  const { t } = useLang();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const items = navItems(user.role, user.agencyId);
  const active = activeNavItem(items, location.pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Text
              component={RouterLink}
              to="/"
              fw={600}
              size="lg"
              c="blue.8"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NoticeBell />
            <LanguageSwitch />
            <Group gap={6} wrap="nowrap" visibleFrom="sm" aria-label={t('header.signedInAs')}>
              <Avatar size="sm" color="blue" radius="xl" aria-hidden>
                {user.displayName.slice(0, 1)}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={600} lh={1.2} data-testid="signed-in-user">
                  {user.displayName}
                </Text>
                <RoleBadge role={user.role} />
              </Stack>
            </Group>
            <Button
              variant="subtle"
              size="compact-sm"
              loading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
              }
            >
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <AppShell.Section hiddenFrom="sm" mb="sm" px="xs">
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <RoleBadge role={user.role} />
        </AppShell.Section>
        {/* AppShell.Navbar is the <nav> landmark itself. */}
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={t(item.label)}
              active={active === item.to}
              aria-current={active === item.to ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <RouteAnnouncer />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
