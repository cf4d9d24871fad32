// Upload of the EIT part-2 contact list (agency admin) and a paged look at it; row errors listed in full.
import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  contactsTemplateUrl,
  type StakeholderData,
  useContacts,
  useUploadContacts,
} from '../../api/stakeholders.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { formatPhone } from '../../lib/phone.ts';
import { contactFileProblem } from './progress-view.ts';

export function ContactsPanel({
  data,
  mayUpload,
  mayRead,
}: {
  data: StakeholderData;
  mayUpload: boolean;
  mayRead: boolean;
}) {
  const { lang, t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [showList, setShowList] = useState(false);
  const [page, setPage] = useState(1);
  const upload = useUploadContacts(data.agencyId, data.year);
  const contacts = useContacts(data.agencyId, data.year, page, showList && mayRead);
  const problem = file ? contactFileProblem(file) : null;
  const locked = data.contacts.sampleDrawn;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('stakeholders.contacts.title')}
        </Title>
        <Text size="sm">
          {t('stakeholders.contacts.count', { n: formatCount(data.contacts.count, lang) })}
        </Text>
        {locked && (
          <Alert color="yellow" role="status">
            {t('stakeholders.contacts.locked')}
          </Alert>
        )}
        {mayUpload && !locked && (
          <>
            <Text size="sm" c="dimmed">
              {t('stakeholders.contacts.intro')}
            </Text>
            <Anchor href={contactsTemplateUrl(data.agencyId, data.year)} download size="sm">
              {t('stakeholders.contacts.template')}
            </Anchor>
            <FileInput
              label={t('stakeholders.contacts.file')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              error={
                problem
                  ? t(problem === 'type' ? 'stakeholders.contacts.badType' : 'stakeholders.contacts.tooLarge')
                  : undefined
              }
              clearable
            />
            {upload.isPending && (
              <Text size="sm" role="status" aria-live="polite">
                {t('stakeholders.contacts.working')}
              </Text>
            )}
            <ErrorAlert error={upload.error} title={t('stakeholders.contacts.failed')} />
            {upload.data && (
              <Alert color="green" role="status">
                {t('stakeholders.contacts.done', { n: formatCount(upload.data.imported, lang) })}
              </Alert>
            )}
            <Group>
              <Button
                onClick={() => file && upload.mutate(file)}
                disabled={!file || problem !== null}
                loading={upload.isPending}
              >
                {t('stakeholders.contacts.upload')}
              </Button>
            </Group>
          </>
        )}
        {mayRead && data.contacts.count > 0 && !showList && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setShowList(true)}>
              {t('stakeholders.contacts.show')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={contacts.error} />
        {showList && contacts.data && (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table withTableBorder aria-label={t('stakeholders.contacts.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('stakeholders.contacts.name')}</Table.Th>
                    <Table.Th scope="col">{t('stakeholders.contacts.phone')}</Table.Th>
                    <Table.Th scope="col">{t('stakeholders.contacts.email')}</Table.Th>
                    <Table.Th scope="col">{t('stakeholders.contacts.relation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {contacts.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.name}</Table.Td>
                      <Table.Td>{c.phone ? formatPhone(c.phone) : '–'}</Table.Td>
                      <Table.Td>{c.email ?? '–'}</Table.Td>
                      <Table.Td>{c.relation}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <PaginationFooter
              page={page}
              total={contacts.data.total}
              pageSize={contacts.data.pageSize}
              onChange={setPage}
              summary={null}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
