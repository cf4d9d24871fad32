import { Accordion, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyTypeWords } from '../../lib/agency-words.ts';
import type { Lang } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { instrumentsOf, isOpenDataIndicator } from './describe.ts';

type Question = Framework['questions'][number];
type Scale = Framework['scales'][number];

function Applicability({ appliesTo, lang }: { appliesTo: Question['appliesTo']; lang: Lang }) {
  const { t } = useLang();
  if (!appliesTo) return null;
  const label = (types: readonly string[]) => types.map((ty) => agencyTypeWords(ty, lang)).join(', ');
  if (appliesTo.onlyTypes)
    return (
      <Text size="xs">{t('frameworks.questions.onlyTypes', { types: label(appliesTo.onlyTypes) })}</Text>
    );
  if (appliesTo.exceptTypes)
    return (
      <Text size="xs">{t('frameworks.questions.exceptTypes', { types: label(appliesTo.exceptTypes) })}</Text>
    );
  return null;
}

/** Options with the score each earns; reversed questions earn 100 − the option's score. */
function ScaleOptions({ scale, reversed }: { scale: Scale | undefined; reversed: boolean }) {
  const { lang, t } = useLang();
  if (!scale) return null;
  return (
    <Group gap={6} aria-label={t('frameworks.questions.options')}>
      {scale.options.map((o) => (
        <Badge key={o.value} variant="default" size="sm" tt="none" fw={400}>
          {pick(o.label, lang)} = {Number((reversed ? 100 - o.score : o.score).toFixed(2))}
        </Badge>
      ))}
    </Group>
  );
}

function QuestionCard({ q, scale }: { q: Question; scale: Scale | undefined }) {
  const { lang, t } = useLang();
  const reversed = q.polarity === 'reversed';
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {q.code}
          </Badge>
          {reversed && (
            <Badge color="red" variant="light" size="sm">
              {t('frameworks.questions.reversed')}
            </Badge>
          )}
          {q.paraphrased && (
            <Badge color="gray" variant="outline" size="sm">
              {t('frameworks.questions.paraphrased')}
            </Badge>
          )}
          {scale?.name && (
            <Text size="xs" c="dimmed">
              {pick(scale.name, lang)}
            </Text>
          )}
        </Group>
        <Text size="sm">{pick(q.text, lang)}</Text>
        {q.subItems.length > 0 && (
          <List size="sm" listStyleType="none" aria-label={t('frameworks.questions.subItems')}>
            {q.subItems.map((s) => (
              <List.Item key={s.code}>
                {s.code}) {pick(s.text, lang)}
                {s.polarity === 'reversed' && !reversed && ` (${t('frameworks.questions.reversed')})`}
              </List.Item>
            ))}
          </List>
        )}
        <ScaleOptions scale={scale} reversed={reversed} />
        <Applicability appliesTo={q.appliesTo} lang={lang} />
      </Stack>
    </Paper>
  );
}

export function QuestionsPanel({ framework }: { framework: Framework }) {
  const { lang, t } = useLang();
  const indicators = framework.indicators.filter((i) => !isOpenDataIndicator(framework, i.code));
  if (framework.questions.length === 0) {
    return <EmptyState title={t('frameworks.questions.none')} hint={t('frameworks.questions.noneHint')} />;
  }
  const scales = new Map(framework.scales.map((s) => [s.code, s]));
  return (
    <Accordion multiple variant="separated" defaultValue={indicators[0] ? [indicators[0].code] : []}>
      {indicators.map((ind) => {
        const questions = framework.questions.filter((q) => q.indicator === ind.code);
        return (
          <Accordion.Item key={ind.code} value={ind.code}>
            <Accordion.Control>
              <Group gap="xs" wrap="nowrap">
                <Text fw={600}>
                  {t('frameworks.indicator', { code: ind.code })} {pick(ind.name, lang)}
                </Text>
                <Group gap={4}>
                  {instrumentsOf(framework, ind.code).map((c) => (
                    <Badge key={c} size="xs" variant="outline">
                      {c}
                    </Badge>
                  ))}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {t('frameworks.questions.count', { n: questions.length })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {questions.map((q) => (
                  <QuestionCard key={q.code} q={q} scale={scales.get(q.scale)} />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
