// "Download XLSX" under a table: the rows on screen, or every row of a paged list (`rows` as a function that
// fetches them all), in a workbook with the same column headers as the table.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { downloadXlsx, sheetData, type XlsxColumn } from '../lib/xlsx.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function DownloadXlsxButton<R>({
  fileName,
  sheetName,
  columns,
  rows,
  label,
}: {
  fileName: string;
  sheetName: string;
  columns: readonly XlsxColumn<R>[];
  rows: readonly R[] | (() => Promise<readonly R[]>);
  label?: string;
}) {
  const { lang, t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const all = typeof rows === 'function' ? await rows() : rows;
      await downloadXlsx(fileName, [sheetData(sheetName, columns, all)], lang);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={download} loading={busy}>
        {label ?? t('tables.downloadXlsx')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
