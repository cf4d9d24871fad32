// The public results site (no login): a light header (site name, the year's pages, open data, language), the
// page, and a footer with the licence and the way to staff sign-in. Nothing of the signed-in app is loaded
// here: no session check, no navigation by role.
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet, Link as RouterLink, NavLink as RouterNavLink } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang } from '../../i18n/index.ts';
import { RouteAnnouncer } from '../../layout/RouteAnnouncer.tsx';
import { SkipLink } from '../../layout/SkipLink.tsx';
import { publicPaths } from './api.ts';
import './public.css';

export default function PublicSiteLayout() {
  const { t } = useLang();
  return (
    <Box mih="100vh" bg="gray.0" className="public-site">
      <SkipLink />
      <RouteAnnouncer />
      <Box component="header" bg="white" className="public-header">
        <Container size="lg" px="sm">
          <Group justify="space-between" py={8} gap="xs">
            <Anchor component={RouterLink} to={publicPaths.home} underline="never" c="blue.8">
              <Text span fw={700} size="lg">
                {t('app.name')}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                {t('publicSite.siteName')}
              </Text>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <nav aria-label={t('publicSite.nav.label')}>
                <Group gap="sm" wrap="nowrap">
                  <Anchor component={RouterNavLink} to={publicPaths.home} end size="sm">
                    {t('publicSite.nav.results')}
                  </Anchor>
                  <Anchor component={RouterNavLink} to={publicPaths.openData()} size="sm">
                    {t('publicSite.nav.openData')}
                  </Anchor>
                </Group>
              </nav>
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" px="sm" py="md">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
      <Box component="footer" py="md" className="public-footer">
        <Container size="lg" px="sm">
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t('publicSite.footer.licence')}{' '}
              <Anchor
                href="https://creativecommons.org/licenses/by/4.0/"
                size="xs"
                target="_blank"
                rel="noreferrer"
              >
                CC BY 4.0
              </Anchor>
            </Text>
            <Group gap="sm">
              <Anchor href="/api/docs" size="xs">
                {t('publicSite.footer.api')}
              </Anchor>
              <Anchor component={RouterLink} to="/login" size="xs">
                {t('publicSite.footer.staff')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
