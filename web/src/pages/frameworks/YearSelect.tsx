import { Select } from '@mantine/core';
import { type FrameworkSummary, useFrameworks } from '../../api/frameworks.ts';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYearShort } from '../../lib/format.ts';

/** Fiscal years that have a framework, newest first. */
export function YearSelect({
  value,
  onChange,
  label,
}: {
  value: number | null;
  onChange: (year: number) => void;
  label?: string;
}) {
  const { lang, t } = useLang();
  const list = useFrameworks();
  const years = [...(list.data ?? [])].sort((a: FrameworkSummary, b: FrameworkSummary) => b.year - a.year);
  return (
    <Select
      label={label ?? t('frameworks.year')}
      data={years.map((f) => ({ value: String(f.year), label: formatFiscalYearShort(f.year, lang) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={160}
      disabled={list.isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
