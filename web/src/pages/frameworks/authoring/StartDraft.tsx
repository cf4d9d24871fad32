// On the framework browser, for NACC admins: start next year's framework from the year shown (or open the
// draft already started), and the drafts still open.
import { Anchor, Button, Group } from '@mantine/core';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useCreateDraft, useDrafts } from '../../../api/framework-drafts.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { formatFiscalYear } from '../../../lib/format.ts';

export function StartDraft({ year }: { year: number }) {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const drafts = useDrafts();
  const create = useCreateDraft();
  const open = (drafts.data ?? []).filter((d) => d.status === 'draft');
  const start = () =>
    create.mutate(
      { fromYear: year, year: year + 1 },
      {
        onSuccess: (d) => navigate(`/frameworks/drafts/${d.id}`),
        onError: (e) => {
          const id =
            e instanceof ApiError && e.code === 'draft_exists'
              ? (e.details as { id?: string })?.id
              : undefined;
          if (id) navigate(`/frameworks/drafts/${id}`);
        },
      },
    );
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button size="xs" onClick={start} loading={create.isPending}>
          {t('authoring.start', { year: formatFiscalYear(year + 1, lang) })}
        </Button>
        {open.map((d) => (
          <Anchor key={d.id} component={RouterLink} to={`/frameworks/drafts/${d.id}`} size="sm">
            {t('authoring.openDraft', { year: formatFiscalYear(d.year, lang) })}
          </Anchor>
        ))}
      </Group>
      {create.error && !(create.error instanceof ApiError && create.error.code === 'draft_exists') && (
        <ErrorAlert error={create.error} />
      )}
    </>
  );
}
