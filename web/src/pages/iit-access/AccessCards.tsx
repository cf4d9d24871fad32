// The access code (copy, rotate with confirmation) and the link with its QR code and poster downloads.
import {
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type IitAccess, iitBase, useRotateCode } from '../../api/iit-access.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

interface Props {
  access: IitAccess;
  agencyId: string;
  year: number;
}

const grouped = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export function AccessCodeCard({ access, agencyId, year }: Props) {
  const { lang, t } = useLang();
  const rotate = useRotateCode(agencyId, year);
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('iitAccess.codeTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('iitAccess.codeHint')}
        </Text>
        <Group gap="md" wrap="wrap">
          <Text
            component="output"
            aria-label={t('iitAccess.codeTitle')}
            ff="monospace"
            fz={32}
            fw={700}
            lts={4}
          >
            {grouped(access.accessCode)}
          </Text>
          <CopyButton value={access.accessCode}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('iitAccess.copied') : t('iitAccess.copyCode')}
              </Button>
            )}
          </CopyButton>
          <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
            {t('iitAccess.rotate')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('iitAccess.rotatedAt', { when: formatDateTime(access.codeRotatedAt, lang) })}
        </Text>
        <ErrorAlert error={rotate.error} />
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('iitAccess.rotateConfirmTitle')}
      >
        <Stack>
          <Text>{t('iitAccess.rotateConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('iitAccess.cancel')}
            </Button>
            <Button
              color="red"
              loading={rotate.isPending}
              onClick={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {t('iitAccess.rotateConfirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function LinkAndPosterCard({ access, agencyId, year }: Props) {
  const { t } = useLang();
  const files = `/api${iitBase(agencyId, year)}`;
  return (
    <Paper withBorder p="lg" radius="md">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Image
          src={`${files}/qr.svg`}
          alt={t('iitAccess.qrAlt')}
          w={180}
          h={180}
          fit="contain"
          style={{ background: '#fff' }}
        />
        <Stack gap="sm" style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Title order={2} size="h4">
            {t('iitAccess.linkTitle')}
          </Title>
          <Code block style={{ wordBreak: 'break-all' }}>
            {access.link}
          </Code>
          <CopyButton value={access.link}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} w="fit-content">
                {copied ? t('iitAccess.copied') : t('iitAccess.copyLink')}
              </Button>
            )}
          </CopyButton>
          <Text size="sm" c="dimmed">
            {t('iitAccess.posterHint')}
          </Text>
          <Group gap="sm">
            <Button component="a" href={`${files}/poster.pdf`} download>
              {t('iitAccess.posterPdf')}
            </Button>
            <Button component="a" href={`${files}/poster.png`} download variant="outline">
              {t('iitAccess.posterPng')}
            </Button>
            <Anchor href={`${files}/qr.png`} download size="sm">
              {t('iitAccess.qrPng')}
            </Anchor>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
