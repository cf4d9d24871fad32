// Pages for people who are not signed in: login, forgot and reset password.
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Loading } from '../components/Loading.tsx';
import { useLang } from '../i18n/index.ts';
import { SkipLink } from './SkipLink.tsx';

export function PublicLayout() {
  const { t } = useLang();
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Group component="header" justify="space-between" p="sm" wrap="nowrap">
        <Text fw={600} size="lg" c="blue.8">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center component="main" id="main" tabIndex={-1} px="sm" py="xl">
        <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={420}>
          <Stack gap="xs" mb="md">
            <Title order={1} size="h3">
              {t('app.fullName')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Paper>
      </Center>
    </Box>
  );
}
