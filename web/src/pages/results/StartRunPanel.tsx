// Start a processing run (every agency) or a preview (one agency, one province or all). A second start while
// one is queued or running answers 409 `run_in_progress`: said in words, with a link to the running run.
import { Alert, Anchor, Button, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useProvinces } from '../../api/reference.ts';
import { type Run, type RunBody, useStartRun } from '../../api/results.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { pickName } from '../../lib/localized.ts';
import { isRunInProgress } from './run-view.ts';

type Kind = RunBody['kind'];
type Scope = RunBody['scope'];

export function StartRunPanel({
  year,
  active,
  onStarted,
  onOpen,
}: {
  year: number;
  /** The queued or running run of the year, if any. */
  active: Run | undefined;
  onStarted: (run: Run) => void;
  onOpen: (id: string) => void;
}) {
  const { lang, t } = useLang();
  const [kind, setKind] = useState<Kind>('run');
  const [scope, setScope] = useState<Scope>('all');
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const provinces = useProvinces();
  const start = useStartRun(year);

  const effectiveScope: Scope = kind === 'run' ? 'all' : scope;
  const ready =
    effectiveScope === 'all' ||
    (effectiveScope === 'province' && provinceCode !== null) ||
    (effectiveScope === 'agency' && agencyId !== null);

  const submit = () => {
    const body: RunBody =
      effectiveScope === 'province'
        ? { kind, scope: 'province', provinceCode: provinceCode ?? '' }
        : effectiveScope === 'agency'
          ? { kind, scope: 'agency', agencyId: agencyId ?? '' }
          : { kind, scope: 'all' };
    start.mutate(body, { onSuccess: onStarted });
  };
  const busy = isRunInProgress(start.error);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-run-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="start-run-title">
          {t('processing.start.title')}
        </Title>
        <div>
          <Text size="sm" fw={500} mb={4} id="run-kind-label">
            {t('processing.start.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="run-kind-label"
            value={kind}
            onChange={(v) => setKind(v as Kind)}
            orientation="vertical"
            data={[
              { value: 'run', label: t('processing.start.run') },
              { value: 'preview', label: t('processing.start.preview') },
            ]}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {kind === 'run' ? t('processing.start.runHint') : t('processing.start.previewHint')}
          </Text>
        </div>
        {kind === 'preview' && (
          <>
            <Select
              label={t('processing.start.scope')}
              value={scope}
              onChange={(v) => v && setScope(v as Scope)}
              allowDeselect={false}
              data={(['all', 'province', 'agency'] as const).map((s) => ({
                value: s,
                label: t(`processing.scopes.${s}`),
              }))}
              maw={360}
            />
            {scope === 'province' && (
              <Select
                label={t('processing.start.province')}
                required
                searchable
                value={provinceCode}
                onChange={setProvinceCode}
                data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
                nothingFoundMessage={t('common.nothingFound')}
                maw={360}
              />
            )}
            {scope === 'agency' && (
              <AgencyPicker
                label={t('processing.start.agency')}
                value={agencyId}
                onChange={setAgencyId}
                required
              />
            )}
          </>
        )}
        {busy ? (
          <Alert color="orange" variant="light" role="alert" title={t('processing.start.inProgress')}>
            {active && (
              <Anchor component="button" type="button" onClick={() => onOpen(active.id)}>
                {t('processing.start.seeRunning')}
              </Anchor>
            )}
          </Alert>
        ) : (
          <ErrorAlert error={start.error} />
        )}
        {start.isSuccess && !start.error && (
          <Text size="sm" c="green.8" role="status">
            {t('processing.start.queued')}
          </Text>
        )}
        <div>
          <Button onClick={submit} disabled={!ready} loading={start.isPending}>
            {kind === 'run' ? t('processing.start.submitRun') : t('processing.start.submitPreview')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
