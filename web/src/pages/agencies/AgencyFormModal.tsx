// Create an agency (admin), edit its registry fields (admin), or its English name and website (its own admin).
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type AgencyDetail, useCreateAgency, useUpdateAgency } from '../../api/agencies.ts';
import { useAgencyTypes, useMinistries, useProvinces } from '../../api/reference.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLang } from '../../i18n/index.ts';
import { pickName } from '../../lib/localized.ts';

interface Props {
  onClose: () => void;
  /** Absent: create. */
  agency?: AgencyDetail;
  /** Only the fields an agency's own admin may change. */
  selfService?: boolean;
}

const empty = (v: string) => (v.trim() === '' ? null : v.trim());

export default function AgencyFormModal({ onClose, agency, selfService = false }: Props) {
  const { lang, t } = useLang();
  const provinces = useProvinces();
  const ministries = useMinistries();
  const types = useAgencyTypes();
  const create = useCreateAgency();
  const update = useUpdateAgency(agency?.id ?? '');
  const [f, setF] = useState({
    code: agency?.code ?? '',
    nameTh: agency?.nameTh ?? '',
    nameEn: agency?.nameEn ?? '',
    type: agency?.type ?? '',
    provinceCode: agency?.provinceCode ?? '',
    ministryCode: agency?.ministryCode ?? '',
    website: agency?.website ?? '',
    peerGroup: agency?.peerGroup ?? '',
    sizeClass: agency?.sizeClass ?? '',
    active: agency?.active ?? true,
  });
  const set = (k: keyof typeof f) => (v: string | boolean | null) => setF({ ...f, [k]: v ?? '' });
  const mutation = agency ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = { onSuccess: onClose };
    if (selfService && agency) {
      update.mutate({ nameEn: empty(f.nameEn), website: f.website.trim() }, done);
      return;
    }
    const body = {
      code: f.code.trim(),
      nameTh: f.nameTh.trim(),
      nameEn: empty(f.nameEn),
      type: f.type as AgencyDetail['type'],
      provinceCode: empty(f.provinceCode),
      ministryCode: empty(f.ministryCode),
      website: f.website.trim(),
      peerGroup: empty(f.peerGroup),
      sizeClass: empty(f.sizeClass),
      active: f.active,
    };
    // A published agency's code is fixed (the server refuses a change): it is left out of the edit.
    if (agency) update.mutate(agency.codeLocked ? { ...body, code: undefined } : body, done);
    else create.mutate(body, done);
  };

  return (
    <Modal opened onClose={onClose} title={agency ? t('agencies.edit') : t('agencies.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} />
          {!selfService && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('agencies.code')}
                required
                readOnly={agency?.codeLocked}
                description={agency?.codeLocked ? t('agencies.codeLocked') : undefined}
                value={f.code}
                onChange={(e) => set('code')(e.currentTarget.value)}
              />
              <Select
                label={t('agencies.type')}
                required
                data={(types.data ?? []).map((ty) => ({
                  value: ty.code,
                  label: lang === 'en' ? ty.en : ty.th,
                }))}
                value={f.type || null}
                onChange={set('type')}
                searchable
              />
            </SimpleGrid>
          )}
          {!selfService && (
            <TextInput
              label={t('agencies.nameTh')}
              required
              value={f.nameTh}
              onChange={(e) => set('nameTh')(e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('agencies.nameEn')}
            value={f.nameEn}
            onChange={(e) => set('nameEn')(e.currentTarget.value)}
          />
          <TextInput
            label={t('agencies.website')}
            placeholder="https://"
            type="url"
            value={f.website}
            onChange={(e) => set('website')(e.currentTarget.value)}
          />
          {!selfService && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('agencies.province')}
                  data={(provinces.data ?? []).map((p) => ({ value: p.code, label: pickName(p, lang) }))}
                  value={f.provinceCode || null}
                  onChange={set('provinceCode')}
                  searchable
                  clearable
                />
                <Select
                  label={t('agencies.ministry')}
                  data={(ministries.data ?? []).map((m) => ({ value: m.code, label: pickName(m, lang) }))}
                  value={f.ministryCode || null}
                  onChange={set('ministryCode')}
                  searchable
                  clearable
                />
                <TextInput
                  label={t('agencies.peerGroup')}
                  value={f.peerGroup}
                  onChange={(e) => set('peerGroup')(e.currentTarget.value)}
                />
                <TextInput
                  label={t('agencies.sizeClass')}
                  value={f.sizeClass}
                  onChange={(e) => set('sizeClass')(e.currentTarget.value)}
                />
              </SimpleGrid>
              <Checkbox
                label={t('agencies.active')}
                checked={f.active}
                onChange={(e) => set('active')(e.currentTarget.checked)}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
