// Inputs shared by the authoring sections: a Thai + English text pair, a problem in both languages, a
// section's list of problems, and the list-beside-one-item layout of long lists (questions, OIT items).
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { fieldWords } from '@server/core/framework/messages.ts';
import type { ReactNode } from 'react';
import { useLang } from '../../../i18n/index.ts';
import type { DraftValues } from './draft-form.ts';

export type DraftForm = UseFormReturnType<DraftValues>;
export interface Problem {
  path: string;
  th: string;
  en: string;
}

/** A problem in the UI language first, then the other. */
export function ProblemText({ problem }: { problem: Problem }) {
  const { lang } = useLang();
  const [first, second] = lang === 'th' ? [problem.th, problem.en] : [problem.en, problem.th];
  return (
    <>
      <span lang={lang}>{first}</span>
      <br />
      <span lang={lang === 'th' ? 'en' : 'th'} style={{ opacity: 0.8 }}>
        {second}
      </span>
    </>
  );
}

/** `questions[3].text.th` → the item it is in, in words ("ข้อคำถาม ลำดับที่ 4"). */
function itemWords(path: string, lang: 'th' | 'en'): string {
  const m = /^([A-Za-z]+)\[(\d+)\]/.exec(path) ?? /^rating\.(rules)\[(\d+)\]/.exec(path);
  if (!m) return '';
  return fieldWords([m[1] as string, Number(m[2])])[lang];
}

/** Every problem of a section, above it: those at fields below are shown there too. */
export function SectionProblems({ problems, title }: { problems: readonly Problem[]; title: string }) {
  const { lang } = useLang();
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <List size="sm" spacing={4}>
        {problems.slice(0, 40).map((p) => (
          <List.Item key={`${p.path}:${p.en}`}>
            {itemWords(p.path, lang) && <Text span fw={600}>{`${itemWords(p.path, lang)} · `}</Text>}
            <ProblemText problem={p} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function LocalizedInputs({
  form,
  path,
  label,
  multiline = false,
  readOnly,
}: {
  form: DraftForm;
  path: string;
  label: string;
  multiline?: boolean;
  readOnly: boolean;
}) {
  const { t } = useLang();
  const Input = multiline ? Textarea : TextInput;
  const current = (form.getInputProps(path).value as { th?: string; en?: string } | undefined) ?? {};
  // The pair is written as one object: an optional text (a condition's period or note) may not exist yet.
  const set = (lang: 'th' | 'en', text: string) => form.setFieldValue(path, { ...current, [lang]: text });
  return (
    <Group grow align="flex-start" wrap="wrap">
      {(['th', 'en'] as const).map((lang) => (
        <Input
          key={lang}
          label={`${label} (${t(lang === 'th' ? 'authoring.thai' : 'authoring.english')})`}
          autosize={multiline || undefined}
          minRows={multiline ? 2 : undefined}
          readOnly={readOnly}
          miw={220}
          value={current[lang] ?? ''}
          error={form.errors[`${path}.${lang}`]}
          onChange={(e) => set(lang, e.currentTarget.value)}
        />
      ))}
    </Group>
  );
}

export interface PickerItem {
  key: string;
  label: string;
  description?: string;
  problems: number;
}

/** A long list as a list of items beside the one being edited (narrow screens: one above the other). */
export function ItemPicker({
  items,
  selected,
  onSelect,
  onAdd,
  addLabel,
  readOnly,
  children,
}: {
  items: PickerItem[];
  selected: number;
  onSelect(index: number): void;
  onAdd(): void;
  addLabel: string;
  readOnly: boolean;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <Group align="flex-start" gap="md" wrap="wrap">
      <Stack gap={4} w={{ base: '100%', sm: 260 }}>
        <ScrollArea.Autosize mah={520} type="auto">
          <nav aria-label={addLabel}>
            {items.map((item, i) => (
              <NavLink
                key={item.key}
                active={i === selected}
                label={item.label}
                description={item.description}
                onClick={() => onSelect(i)}
                aria-current={i === selected ? 'true' : undefined}
                rightSection={
                  item.problems > 0 ? (
                    <Badge
                      color="red"
                      size="sm"
                      aria-label={t('authoring.problemsCount', { n: item.problems })}
                    >
                      {item.problems}
                    </Badge>
                  ) : null
                }
              />
            ))}
          </nav>
        </ScrollArea.Autosize>
        {!readOnly && (
          <Button variant="light" size="xs" onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Stack>
      <Stack gap="sm" style={{ flex: 1, minWidth: 280 }}>
        {children}
      </Stack>
    </Group>
  );
}

/** How many problems are inside `prefix` (e.g. `questions[3]`). */
export const countUnder = (problems: readonly Problem[], prefix: string) =>
  problems.filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  ).length;

/** An array in the form, typed loosely (the form holds what the author typed). */
export function listAt<T = Record<string, unknown>>(form: DraftForm, path: string): T[] {
  const v = path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], form.values);
  return Array.isArray(v) ? (v as T[]) : [];
}
