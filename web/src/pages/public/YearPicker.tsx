// The year picker of the public pages: the years with published results, newest first; choosing one opens
// the same page for that year.
import { NativeSelect } from '@mantine/core';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYearShort } from '../../lib/format.ts';

export function YearPicker({
  years,
  value,
  onChange,
}: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const { lang, t } = useLang();
  const list = years.includes(value) ? years : [value, ...years];
  return (
    <NativeSelect
      label={t('publicSite.year')}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={[...list]
        .sort((a, b) => b - a)
        .map((y) => ({ value: String(y), label: formatFiscalYearShort(y, lang) }))}
      w={160}
    />
  );
}
