// Admin: import a yearly framework file (JSON). The server validates it and lists every problem.
import { Alert, Anchor, Button, FileInput, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useImportFramework } from '../../api/frameworks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';

export const MAX_FRAMEWORK_FILE_BYTES = 2 * 1024 * 1024; // the server's body limit

export default function ImportPage() {
  const { lang, t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const importer = useImportFramework();

  const upload = async () => {
    if (!file) return;
    setReadError(null);
    importer.reset();
    if (file.size > MAX_FRAMEWORK_FILE_BYTES) {
      setReadError(t('frameworks.import.tooLarge'));
      return;
    }
    setReading(true);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      setReadError(t('frameworks.import.notJson'));
      return;
    } finally {
      setReading(false);
    }
    importer.mutate(definition);
  };

  const busy = reading || importer.isPending;
  return (
    <>
      <PageHeader title={t('frameworks.import.title')} description={t('frameworks.import.intro')} />
      <Paper withBorder p="lg" maw={640}>
        <Stack gap="md">
          <FileInput
            label={t('frameworks.import.file')}
            description={t('frameworks.import.fileHint')}
            accept="application/json,.json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setReadError(null);
              importer.reset();
            }}
            clearable
          />
          <Group>
            <Button onClick={() => void upload()} disabled={!file} loading={busy}>
              {t('frameworks.import.submit')}
            </Button>
          </Group>
          {busy && (
            <Stack gap={4} role="status" aria-live="polite">
              <Text size="sm">
                {reading ? t('frameworks.import.reading') : t('frameworks.import.validating')}
              </Text>
              <Progress value={100} animated striped aria-label={t('frameworks.import.validating')} />
            </Stack>
          )}
          {readError && (
            <Alert color="red" role="alert">
              {readError}
            </Alert>
          )}
          <ErrorAlert error={importer.error} title={t('frameworks.import.failed')} />
          {importer.data && (
            <Alert color="green" role="status" title={t('frameworks.import.done')}>
              <Stack gap={4}>
                <Text size="sm">
                  {t('frameworks.import.doneDetail', {
                    year: formatFiscalYear(importer.data.year, lang),
                    version: importer.data.version,
                  })}
                </Text>
                <Anchor component={RouterLink} to={`/frameworks/${importer.data.year}`}>
                  {t('frameworks.import.view')}
                </Anchor>
              </Stack>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('frameworks.import.tips')}
          </Text>
          <List size="sm" c="dimmed">
            <List.Item>{t('frameworks.import.tip1')}</List.Item>
            <List.Item>{t('frameworks.import.tip2')}</List.Item>
          </List>
        </Stack>
      </Paper>
    </>
  );
}
