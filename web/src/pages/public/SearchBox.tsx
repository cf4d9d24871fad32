// "Find an agency": a name or a code, then the search page of the year.
import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { publicPaths } from './api.ts';

export function SearchBox({ year, initial = '' }: { year: number; initial?: string }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(publicPaths.search(year, q.trim()));
  };
  return (
    <search>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('publicSite.search.label')}
            placeholder={t('publicSite.search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            name="q"
            type="search"
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('publicSite.search.submit')}</Button>
        </Group>
      </form>
    </search>
  );
}
