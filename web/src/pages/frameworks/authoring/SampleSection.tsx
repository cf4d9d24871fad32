// Sample rules: per instrument, no rule, a formula (share of a base with a floor, all below a size, a cap)
// or a table of minimums by peer group and size (with a formula for agencies not in it).
import {
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLang } from '../../../i18n/index.ts';
import {
  AddButton,
  type DraftForm,
  listAt,
  RemoveButton,
  SectionProblems,
  type SectionProps,
} from './fields.tsx';

interface Sample {
  kind?: 'formula' | 'table';
  of?: 'population' | { minimumOf: string };
  rows?: unknown[];
  otherwise?: unknown;
  cap?: unknown;
}

const FORMULA = { kind: 'formula', of: 'population', share: 0.2, atLeast: 30 };

function FormulaFields({
  form,
  path,
  instruments,
  readOnly,
}: {
  form: DraftForm;
  path: string;
  instruments: string[];
  readOnly: boolean;
}) {
  const { t } = useLang();
  const sample = form.getInputProps(path).value as Sample | undefined;
  const base = typeof sample?.of === 'object' ? sample.of.minimumOf : 'population';
  // The cap is written as one object: it may not exist yet.
  const cap = (sample?.cap ?? {}) as Record<string, unknown>;
  const capInput = (k: 'above' | 'minimum') => ({
    value: (cap[k] as number | undefined) ?? '',
    error: form.errors[`${path}.cap.${k}`] ?? form.errors[`${path}.cap`],
    onChange: (v: number | string) => form.setFieldValue(`${path}.cap`, { ...cap, [k]: v }),
  });
  return (
    <Stack gap="xs">
      <Select
        label={t('authoring.sample.base')}
        data={[
          { value: 'population', label: t('authoring.sample.population') },
          ...instruments.map((c) => ({ value: c, label: t('authoring.sample.minimumOf', { code: c }) })),
        ]}
        value={base}
        readOnly={readOnly}
        onChange={(v) =>
          form.setFieldValue(`${path}.of`, !v || v === 'population' ? 'population' : { minimumOf: v })
        }
        error={form.errors[`${path}.of`] ?? form.errors[`${path}.of.minimumOf`]}
      />
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput
          label={t('authoring.sample.share')}
          min={0}
          max={1}
          step={0.05}
          decimalScale={4}
          readOnly={readOnly}
          miw={140}
          {...form.getInputProps(`${path}.share`)}
        />
        <NumberInput
          label={t('authoring.sample.atLeast')}
          min={0}
          readOnly={readOnly}
          miw={140}
          {...form.getInputProps(`${path}.atLeast`)}
        />
        <NumberInput
          label={t('authoring.sample.allBelow')}
          min={1}
          readOnly={readOnly}
          miw={140}
          {...form.getInputProps(`${path}.allBelow`)}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput
          label={t('authoring.sample.capAbove')}
          min={1}
          readOnly={readOnly}
          miw={140}
          {...capInput('above')}
        />
        <NumberInput
          label={t('authoring.sample.capMinimum')}
          min={1}
          readOnly={readOnly}
          miw={140}
          {...capInput('minimum')}
        />
      </Group>
    </Stack>
  );
}

export function SampleSection({ form, problems, readOnly }: SectionProps) {
  const { t } = useLang();
  const instruments = listAt<{ code?: string; sample?: Sample }>(form, 'instruments');
  const codes = instruments.map((i) => i.code ?? '').filter(Boolean);
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      {instruments.map((inst, i) => {
        const path = `instruments.${i}.sample`;
        const kind = inst.sample?.kind ?? 'none';
        const others = codes.filter((c) => c !== inst.code);
        return (
          <Paper key={form.key(`instruments.${i}`)} withBorder p="md">
            <Stack gap="xs">
              <Title order={4}>{inst.code}</Title>
              <SegmentedControl
                aria-label={t('authoring.sample.kind')}
                value={kind}
                disabled={readOnly}
                data={[
                  { value: 'none', label: t('authoring.sample.none') },
                  { value: 'formula', label: t('authoring.sample.formula') },
                  { value: 'table', label: t('authoring.sample.table') },
                ]}
                onChange={(v) =>
                  form.setFieldValue(
                    path,
                    v === 'none'
                      ? undefined
                      : v === 'formula'
                        ? { ...FORMULA }
                        : { kind: 'table', rows: [{ peerGroup: '', minimum: 1 }] },
                  )
                }
              />
              {kind === 'formula' && (
                <FormulaFields form={form} path={path} instruments={others} readOnly={readOnly} />
              )}
              {kind === 'table' && (
                <Stack gap="xs">
                  {listAt<unknown>(form, `${path}.rows`).map((_, r) => (
                    <Group key={form.key(`${path}.rows.${r}`)} grow align="flex-end" wrap="wrap">
                      <TextInput
                        label={t('authoring.sample.peerGroup')}
                        readOnly={readOnly}
                        miw={140}
                        {...form.getInputProps(`${path}.rows.${r}.peerGroup`)}
                      />
                      <TextInput
                        label={t('authoring.sample.sizeClass')}
                        readOnly={readOnly}
                        miw={120}
                        {...form.getInputProps(`${path}.rows.${r}.sizeClass`)}
                        value={
                          (form.getInputProps(`${path}.rows.${r}.sizeClass`).value as string | undefined) ??
                          ''
                        }
                      />
                      <NumberInput
                        label={t('authoring.sample.minimum')}
                        min={1}
                        readOnly={readOnly}
                        miw={100}
                        {...form.getInputProps(`${path}.rows.${r}.minimum`)}
                      />
                      {!readOnly && <RemoveButton onClick={() => form.removeListItem(`${path}.rows`, r)} />}
                    </Group>
                  ))}
                  <AddButton
                    small
                    label={t('authoring.sample.addRow')}
                    readOnly={readOnly}
                    onClick={() => form.insertListItem(`${path}.rows`, { peerGroup: '', minimum: 1 })}
                  />
                  <Text size="sm" fw={600}>
                    {t('authoring.sample.otherwise')}
                  </Text>
                  {inst.sample?.otherwise ? (
                    <FormulaFields
                      form={form}
                      path={`${path}.otherwise`}
                      instruments={others}
                      readOnly={readOnly}
                    />
                  ) : (
                    <AddButton
                      small
                      label={t('authoring.sample.addOtherwise')}
                      readOnly={readOnly}
                      onClick={() => form.setFieldValue(`${path}.otherwise`, { ...FORMULA })}
                    />
                  )}
                </Stack>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
