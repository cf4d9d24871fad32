// Which agencies an action reaches: one agency, a province, an agency type or every agency. Shared by opening
// the cycle and by extensions; the server selects the agencies (active, and for extensions taking part).
import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { assertNever } from '@server/core/exhaustive.ts';
import type { ExtensionTarget } from '@server/modules/calendar/cycles.schema.ts';
import { useAgencyTypes, useProvinces } from '../../api/reference.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { useLang } from '../../i18n/index.ts';

export type TargetKind = ExtensionTarget['kind'];
export const TARGET_KINDS: readonly TargetKind[] = ['agency', 'province', 'agencyType', 'all'];

export interface TargetDraft {
  kind: TargetKind;
  agencyId: string | null;
  provinceCode: string | null;
  agencyType: string | null;
}

export const emptyTarget: TargetDraft = { kind: 'all', agencyId: null, provinceCode: null, agencyType: null };

/** The target as the API takes it, or null while its choice is missing. */
export function targetOf(d: TargetDraft): ExtensionTarget | null {
  switch (d.kind) {
    case 'agency':
      return d.agencyId ? { kind: 'agency', agencyId: d.agencyId } : null;
    case 'province':
      return d.provinceCode ? { kind: 'province', provinceCode: d.provinceCode } : null;
    case 'agencyType':
      return d.agencyType ? { kind: 'agencyType', agencyType: d.agencyType as never } : null;
    case 'all':
      return { kind: 'all' };
    default:
      return assertNever(d.kind);
  }
}

/** The target in words, for a confirmation ("every participating agency in ชลบุรี"). */
export function useTargetWords() {
  const { lang, t } = useLang();
  const provinces = useProvinces().data ?? [];
  const types = useAgencyTypes().data ?? [];
  return (d: TargetDraft, agencyName: string | null) => {
    switch (d.kind) {
      case 'agency':
        return t('cycles.targetDesc.agency', { name: agencyName ?? '' });
      case 'province': {
        const p = provinces.find((x) => x.code === d.provinceCode);
        return t('cycles.targetDesc.province', { name: p ? (lang === 'th' ? p.nameTh : p.nameEn) : '' });
      }
      case 'agencyType': {
        const ty = types.find((x) => x.code === d.agencyType);
        return t('cycles.targetDesc.agencyType', { name: ty ? ty[lang] : '' });
      }
      case 'all':
        return t('cycles.targetDesc.all');
      default:
        return assertNever(d.kind);
    }
  };
}

export function TargetFields({
  value,
  onChange,
  idPrefix,
}: {
  value: TargetDraft;
  onChange: (v: TargetDraft) => void;
  idPrefix: string;
}) {
  const { lang, t } = useLang();
  const narrow = useMediaQuery('(max-width: 36em)');
  const provinces = useProvinces().data ?? [];
  const types = useAgencyTypes().data ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={`${idPrefix}-target`}>
        {t('cycles.target.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={`${idPrefix}-target`}
        value={value.kind}
        onChange={(k) => onChange({ ...value, kind: k as TargetKind })}
        data={TARGET_KINDS.map((k) => ({ value: k, label: t(`cycles.target.${k}`) }))}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
      />
      {value.kind === 'agency' && (
        <AgencyPicker
          label={t('cycles.target.agencyPick')}
          value={value.agencyId}
          onChange={(agencyId) => onChange({ ...value, agencyId })}
          required
        />
      )}
      {value.kind === 'province' && (
        <Select
          label={t('cycles.target.provincePick')}
          data={provinces.map((p) => ({ value: p.code, label: lang === 'th' ? p.nameTh : p.nameEn }))}
          value={value.provinceCode}
          onChange={(provinceCode) => onChange({ ...value, provinceCode })}
          searchable
          required
        />
      )}
      {value.kind === 'agencyType' && (
        <Select
          label={t('cycles.target.typePick')}
          data={types.map((ty) => ({ value: ty.code, label: ty[lang] }))}
          value={value.agencyType}
          onChange={(agencyType) => onChange({ ...value, agencyType })}
          searchable
          required
        />
      )}
    </Stack>
  );
}
