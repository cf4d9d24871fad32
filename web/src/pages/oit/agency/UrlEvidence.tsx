// What the evidence checker found at one saved URL (the evidence module's SnapshotLine: reachable or broken
// and why, the fiscal-year mention, off the main website, when, the kept copy), the checklist's warnings
// for the URL, and a progress line while a check waits or runs (the evidence list reloads until it ends).
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import type { EvidenceCheck, UrlView } from '../../../api/oit.ts';
import { useLang } from '../../../i18n/index.ts';
import { SnapshotLine, statusPerUrl } from '../evidence/index.ts';
import { badgeWrap } from './oit-view.ts';

export function UrlEvidence({
  view,
  snapshots,
}: {
  view: UrlView;
  /** Every snapshot of the item when the evidence list is loaded (shows re-checks); else the checklist's. */
  snapshots: readonly EvidenceCheck[] | undefined;
}) {
  const { t } = useLang();
  const line = snapshots ? statusPerUrl(snapshots.filter((s) => s.url === view.url))[0] : undefined;
  const current = line?.current ?? view.evidence;
  const checking = current?.verdict === 'pending' || line?.rechecking === true;
  const offDomainShown = current?.onMainDomain === false;

  return (
    <Stack gap={4} data-testid="oit-evidence">
      {(view.warnings.length > 0 || !current) && (
        <Group gap={6} wrap="wrap">
          {!current && (
            <Badge size="sm" variant="light" color="gray" styles={badgeWrap}>
              {t('oit.evidence.none')}
            </Badge>
          )}
          {view.warnings.includes('not_main_domain') && !offDomainShown && (
            <Badge size="sm" variant="outline" color="orange" styles={badgeWrap}>
              {t('oit.evidence.notMainDomain')}
            </Badge>
          )}
          {view.warnings.includes('main_website_unknown') && (
            <Badge size="sm" variant="outline" color="yellow" styles={badgeWrap}>
              {t('oit.evidence.websiteUnknown')}
            </Badge>
          )}
        </Group>
      )}
      {current && <SnapshotLine snapshot={current} rechecking={line?.rechecking ?? false} showUrl={false} />}
      {checking && (
        <Group gap={6} role="status" aria-live="polite">
          <Loader size="xs" aria-hidden />
          <Text size="xs" c="dimmed">
            {t('oit.evidence.checking')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
