// Inputs shared by the authoring sections: a Thai + English text pair, a problem in both languages, a
// section's list of problems, the list-beside-one-item layout of long lists (questions, OIT items), and the
// parts of every list: an entry's card with its remove button, a row of a list inside an entry, the add button.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { fieldWords } from '@server/core/framework/messages.ts';
import { type ReactNode, useState } from 'react';
import { useLang } from '../../../i18n/index.ts';
import type { Lang } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import type { DraftValues } from './draft-form.ts';

export type DraftForm = UseFormReturnType<DraftValues>;
export interface Problem {
  path: string;
  th: string;
  en: string;
}
/** What every section of the draft is given. */
export interface SectionProps {
  form: DraftForm;
  problems: Problem[];
  readOnly: boolean;
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

export function RemoveButton({ onClick }: { onClick(): void }) {
  const { t } = useLang();
  return (
    <Button variant="subtle" color="red" size="xs" onClick={onClick}>
      {t('authoring.remove')}
    </Button>
  );
}

/** An entry's code: `w` a fixed width, `miw` a least one (growing with its row). */
export function CodeInput({
  form,
  path,
  readOnly,
  w,
  miw,
}: {
  form: DraftForm;
  path: string;
  readOnly: boolean;
  w?: number;
  miw?: number;
}) {
  const { t } = useLang();
  return (
    <TextInput
      label={t('authoring.code')}
      w={w}
      miw={miw}
      readOnly={readOnly}
      {...form.getInputProps(path)}
    />
  );
}

/** An entry of a list (a stage, an indicator, a rule, the item being edited): its title, unless read-only a
 * remove button, then its fields. */
export function EntryCard({
  title,
  onRemove,
  readOnly,
  children,
}: {
  title: ReactNode;
  onRemove(): void;
  readOnly: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {!readOnly && <RemoveButton onClick={onRemove} />}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** A row of a list inside an entry (sub-indicators, sub-items, components): its fields, then remove. */
export function EntryRow({
  onRemove,
  readOnly,
  children,
}: {
  onRemove(): void;
  readOnly: boolean;
  children: ReactNode;
}) {
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      {children}
      {!readOnly && <RemoveButton onClick={onRemove} />}
    </Group>
  );
}

/** A list's add button, below it (small for the lists inside an entry); nothing when read-only. */
export function AddButton({
  label,
  onClick,
  readOnly,
  small = false,
}: {
  label: string;
  onClick(): void;
  readOnly: boolean;
  small?: boolean;
}) {
  if (readOnly) return null;
  return (
    <Group>
      <Button variant="light" size={small ? 'xs' : undefined} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

/** An indicator (or anything with a code and a name) as a select option: "code name". */
export const codeOption = (x: { code?: string; name?: { th?: string; en?: string } }, lang: Lang) => ({
  value: x.code as string,
  label: `${x.code} ${pick(x.name ? { th: x.name.th ?? '', en: x.name.en } : null, lang)}`.trim(),
});

/**
 * A long list edited one entry at a time (questions, OIT items): the section's problems, the list beside the
 * entry picked — its card with the remove button, its fields from `children` — and the add button under the
 * list, which picks the new entry.
 */
export function PickedList<T extends { code?: string }>({
  form,
  problems,
  readOnly,
  listPath,
  describe,
  addLabel,
  newItem,
  title,
  children,
}: SectionProps & {
  listPath: string;
  /** The line under an entry's code in the list. */
  describe(item: T): string | undefined;
  addLabel: string;
  newItem(items: T[]): Record<string, unknown>;
  title(item: T): string;
  children(item: T, path: string): ReactNode;
}) {
  const { t } = useLang();
  const [selected, setSelected] = useState(0);
  const items = listAt<T>(form, listPath);
  const i = Math.min(selected, Math.max(items.length - 1, 0));
  const item = items[i];
  return (
    <Stack gap="md">
      <SectionProblems problems={problems} title={t('authoring.sectionProblems')} />
      <ItemPicker
        items={items.map((x, n) => ({
          key: form.key(`${listPath}.${n}`),
          label: x.code || t('authoring.untitled'),
          description: describe(x),
          problems: countUnder(problems, `${listPath}[${n}]`),
        }))}
        selected={i}
        onSelect={setSelected}
        addLabel={addLabel}
        readOnly={readOnly}
        onAdd={() => {
          form.insertListItem(listPath, newItem(items));
          setSelected(items.length);
        }}
      >
        {item && (
          <EntryCard
            title={title(item)}
            onRemove={() => form.removeListItem(listPath, i)}
            readOnly={readOnly}
          >
            {children(item, `${listPath}.${i}`)}
          </EntryCard>
        )}
      </ItemPicker>
    </Stack>
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
