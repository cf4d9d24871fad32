// The weak points (ประเด็นที่ต้องปรับปรุง/พัฒนา) per instrument: proposed from the published result by the
// server's rule, edited here — the class, the words, added or removed. Cards, so it reads at 360 px.
import { ActionIcon, Badge, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { MeasuresView } from '../../api/measures.ts';
import { useLang } from '../../i18n/index.ts';
import { formatScore } from '../../lib/format.ts';
import { type Draft, type DraftPoint, newPoint } from './measures-draft.ts';

type Source = NonNullable<MeasuresView['document']>['source'];
const CLASS_COLOR = { urgent: 'red', develop: 'yellow', keep: 'green' } as const;

export function WeakPointsEditor({
  source,
  draft,
  editable,
  onChange,
}: {
  source: Source;
  draft: Draft;
  editable: boolean;
  onChange: (points: DraftPoint[]) => void;
}) {
  const { t } = useLang();
  const indicatorName = (code: string) => source.indicators.find((i) => i.code === code)?.name.th ?? code;
  const update = (id: string, patch: Partial<DraftPoint>) =>
    onChange(draft.weakPoints.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  return (
    <Stack gap="md">
      {(['IIT', 'EIT', 'OIT'] as const).map((instrument) => {
        const points = draft.weakPoints.filter((p) => p.instrument === instrument);
        const indicators = source.indicators.filter((i) =>
          instrument === 'EIT' ? i.instrument === 'EIT' : i.instrument === instrument,
        );
        return (
          <Paper withBorder p="sm" key={instrument} component="section" aria-labelledby={`wp-${instrument}`}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={`wp-${instrument}`}>
                {t(`measures.instrument.${instrument}`)}
              </Title>
              {points.length === 0 && <Text c="dimmed">{t('measures.noPoints')}</Text>}
              {points.map((p) => (
                <Paper key={p.id} withBorder p="xs" data-testid="weak-point">
                  <Stack gap={6}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} size="sm">
                        {indicatorName(p.indicator)}
                      </Text>
                      {p.questionCodes.length > 0 && (
                        <Badge variant="outline">{p.questionCodes.join(', ')}</Badge>
                      )}
                      {p.score !== null && <Badge variant="light">{formatScore(p.score)}</Badge>}
                      {!editable && (
                        <Badge color={CLASS_COLOR[p.class]}>{t(`measures.class.${p.class}`)}</Badge>
                      )}
                    </Group>
                    {editable ? (
                      <Group align="flex-end" wrap="wrap" gap="xs">
                        <Select
                          label={t('measures.pointClass')}
                          data={(['urgent', 'develop', 'keep'] as const).map((c) => ({
                            value: c,
                            label: t(`measures.class.${c}`),
                          }))}
                          value={p.class}
                          allowDeselect={false}
                          onChange={(v) => v && update(p.id, { class: v as DraftPoint['class'] })}
                          w={200}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('measures.removePoint')}
                          onClick={() => onChange(draft.weakPoints.filter((x) => x.id !== p.id))}
                        >
                          ✕
                        </ActionIcon>
                      </Group>
                    ) : null}
                    {editable ? (
                      <Textarea
                        label={t('measures.pointText')}
                        autosize
                        minRows={2}
                        maxLength={2000}
                        value={p.text}
                        onChange={(e) => update(p.id, { text: e.currentTarget.value })}
                      />
                    ) : (
                      <Text size="sm">{p.text}</Text>
                    )}
                  </Stack>
                </Paper>
              ))}
              {editable && indicators.length > 0 && (
                <Select
                  label={t('measures.addPoint')}
                  placeholder={t('measures.pickIndicator')}
                  data={indicators.map((i) => ({ value: i.code, label: `${i.order}. ${i.name.th}` }))}
                  value={null}
                  onChange={(code) => code && onChange([...draft.weakPoints, newPoint(code, instrument)])}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
      {editable && (
        <Text size="xs" c="dimmed">
          {t('measures.pointsHint')}
        </Text>
      )}
    </Stack>
  );
}
