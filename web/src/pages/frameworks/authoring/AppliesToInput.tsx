// Which agency types a question or OIT item applies to: all, only some, or all but some (in words).
import { MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { AGENCY_TYPES } from '@server/shared/agency-types.ts';
import { useLang } from '../../../i18n/index.ts';
import { agencyTypeWords } from '../../../lib/agency-words.ts';
import type { DraftForm } from './fields.tsx';

type AppliesTo = { onlyTypes?: string[]; exceptTypes?: string[] } | undefined;

export function AppliesToInput({
  form,
  path,
  readOnly,
}: {
  form: DraftForm;
  path: string;
  readOnly: boolean;
}) {
  const { lang, t } = useLang();
  const value = form.getInputProps(path).value as AppliesTo;
  const mode = value?.onlyTypes ? 'only' : value?.exceptTypes ? 'except' : 'all';
  const types = value?.onlyTypes ?? value?.exceptTypes ?? [];
  const data = AGENCY_TYPES.map((type) => ({ value: type, label: agencyTypeWords(type, lang) }));
  const error = form.errors[path] ?? form.errors[`${path}.onlyTypes`] ?? form.errors[`${path}.exceptTypes`];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('authoring.appliesTo.label')}
      </Text>
      <SegmentedControl
        aria-label={t('authoring.appliesTo.label')}
        value={mode}
        disabled={readOnly}
        data={[
          { value: 'all', label: t('authoring.appliesTo.all') },
          { value: 'only', label: t('authoring.appliesTo.only') },
          { value: 'except', label: t('authoring.appliesTo.except') },
        ]}
        onChange={(m) =>
          form.setFieldValue(
            path,
            m === 'all' ? undefined : m === 'only' ? { onlyTypes: types } : { exceptTypes: types },
          )
        }
      />
      {mode !== 'all' && (
        <MultiSelect
          aria-label={t(mode === 'only' ? 'authoring.appliesTo.only' : 'authoring.appliesTo.except')}
          data={data}
          value={types}
          readOnly={readOnly}
          searchable
          error={error}
          onChange={(v) => form.setFieldValue(path, mode === 'only' ? { onlyTypes: v } : { exceptTypes: v })}
        />
      )}
    </Stack>
  );
}
