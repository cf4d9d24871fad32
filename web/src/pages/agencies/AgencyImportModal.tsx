// Admin: import agencies from CSV. All rows valid → upserted; any problem → nothing imported, all listed.
import { Alert, Anchor, Button, FileInput, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { AGENCY_IMPORT_MAX_BYTES } from '@server/shared/limits.ts';
import { useState } from 'react';
import { AGENCY_TEMPLATE_URL, useImportAgencies } from '../../api/agencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';

export default function AgencyImportModal({ onClose }: { onClose: () => void }) {
  const { lang, t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const importer = useImportAgencies();

  const upload = async () => {
    if (!file) return;
    importer.reset();
    setTooLarge(file.size > AGENCY_IMPORT_MAX_BYTES);
    if (file.size > AGENCY_IMPORT_MAX_BYTES) return;
    importer.mutate(await file.text());
  };

  return (
    <Modal opened onClose={onClose} title={t('agencies.import.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('agencies.import.intro')}</Text>
        <Anchor href={AGENCY_TEMPLATE_URL} download size="sm">
          {t('agencies.import.template')}
        </Anchor>
        <FileInput
          label={t('agencies.import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            importer.reset();
          }}
          clearable
        />
        {importer.isPending && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{t('agencies.import.working')}</Text>
            <Progress value={100} animated striped aria-label={t('agencies.import.working')} />
          </Stack>
        )}
        {tooLarge && (
          <Alert color="red" role="alert">
            {t('agencies.import.tooLarge')}
          </Alert>
        )}
        <ErrorAlert error={importer.error} title={t('agencies.import.failed')} />
        {importer.data && (
          <Alert color="green" role="status">
            {t('agencies.import.done', {
              created: formatCount(importer.data.created, lang),
              updated: formatCount(importer.data.updated, lang),
            })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => void upload()} disabled={!file} loading={importer.isPending}>
            {t('agencies.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
