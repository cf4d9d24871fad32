// Choosing agencies one by one: a search on the server, each match marked with whether it takes part in the
// year (those that do not cannot be assigned and are not offered).
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAgencySearch } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { pickName } from '../../../lib/localized.ts';

export function AgencyChooser({
  year,
  value,
  onChange,
  error,
}: {
  year: number | null;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { lang, t } = useLang();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useAgencySearch(year, q);
  // Labels of chosen agencies, kept when a later search no longer returns them.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options = (found.data?.items ?? []).map((a) => {
    const name = `${pickName(a, lang)} (${a.code})`;
    return a.participation
      ? { value: a.id, label: name }
      : { value: a.id, label: t('oitAssess.assign.notTakingPart', { name }), disabled: true };
  });
  const shown = new Set(options.map((o) => o.value));
  const data = [
    ...options,
    ...value.filter((id) => !shown.has(id)).map((id) => ({ value: id, label: labels[id] ?? id })),
  ];

  return (
    <MultiSelect
      label={t('oitAssess.assign.agencies')}
      description={t('oitAssess.assign.agenciesHint')}
      data={data}
      value={value}
      onChange={(ids) => {
        const known = Object.fromEntries(data.map((o) => [o.value, o.label]));
        setLabels((prev) => ({ ...prev, ...Object.fromEntries(ids.map((id) => [id, known[id] ?? id])) }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      placeholder={t('oitAssess.assign.searchAgencies')}
      nothingFoundMessage={t('common.nothingFound')}
      clearable
      error={error}
      withAsterisk
    />
  );
}
