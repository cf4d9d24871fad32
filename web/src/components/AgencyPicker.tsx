// Choose agencies by typing part of a name or code (searched on the server, which knows the scope).
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAgencies, useAgencyDetails } from '../api/agencies.ts';
import { useLang } from '../i18n/index.ts';
import { pickName } from '../lib/localized.ts';

function useAgencyOptions(selected: string[]) {
  const { lang } = useLang();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const found = useAgencies({ q: q.trim() || undefined, pageSize: 20 });
  // Labels for chosen agencies that the current search did not return.
  const known = new Set((found.data?.items ?? []).map((a) => a.id));
  const missing = selected.filter((id) => !known.has(id));
  const details = useAgencyDetails(missing);
  const options = [
    ...(found.data?.items ?? []).map((a) => ({ value: a.id, label: `${pickName(a, lang)} (${a.code})` })),
    ...details.flatMap((d, i) =>
      d.data
        ? [{ value: d.data.id, label: `${pickName(d.data, lang)} (${d.data.code})` }]
        : [{ value: missing[i] as string, label: missing[i] as string }],
    ),
  ];
  return { options, search, setSearch, loading: found.isFetching };
}

export function AgencyPicker({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
}) {
  const { t } = useLang();
  const { options, search, setSearch } = useAgencyOptions(value ? [value] : []);
  return (
    <Select
      label={label}
      required={required}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      placeholder={t('agencies.searchPlaceholder')}
      nothingFoundMessage={t('common.nothingFound')}
      clearable
    />
  );
}

export function AgencyMultiPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useLang();
  const { options, search, setSearch } = useAgencyOptions(value);
  return (
    <MultiSelect
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      placeholder={t('agencies.searchPlaceholder')}
      nothingFoundMessage={t('common.nothingFound')}
      clearable
    />
  );
}
