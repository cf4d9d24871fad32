// One OIT item for the assessor (the shared <ItemCard> as an article): what the item requires, the agency's approved answer, the original evidence
// beside the live page, the clarification if one was filed, and the score (a form while it may be scored).
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useRefetchItemEvidence } from '../../../api/oit.ts';
import type { AssessmentItem } from '../../../api/oit-assessment.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { EvidenceCompare } from '../evidence/index.ts';
import { ClarificationPanel } from '../shared/Clarification.tsx';
import { ItemCard } from '../shared/ItemCard.tsx';
import { ItemRequirements } from '../shared/ItemRequirements.tsx';
import { itemAnchor } from './assess-view.ts';
import { ScoreForm } from './ScoreForm.tsx';
import { ScoreView } from './ScoreView.tsx';

export function AssessmentItemCard({
  item,
  agencyId,
  year,
  canRefetch,
  onShowHistory,
}: {
  item: AssessmentItem;
  agencyId: string;
  year: number;
  canRefetch: boolean;
  onShowHistory: (code: string) => void;
}) {
  const { lang, t } = useLang();
  const refetch = useRefetchItemEvidence(agencyId, year);
  const { answer } = item;
  const showsComponents = item.can.score || item.score !== null;
  return (
    <ItemCard
      code={item.code}
      title={item.title}
      anchor={itemAnchor(item.code)}
      layout="article"
      actions={
        <Button size="compact-sm" variant="subtle" onClick={() => onShowHistory(item.code)}>
          {t('oitAssess.item.history', { code: item.code })}
        </Button>
      }
      badges={
        <>
          {answer && (
            <Badge variant="outline" color="gray">
              {t(`oitAssess.itemState.${answer.state}`)}
            </Badge>
          )}
          {item.score && (
            <Badge variant="light" color={item.score.score === 100 ? 'green' : 'red'}>
              {t('oitAssess.score.points', { score: item.score.score })}
            </Badge>
          )}
        </>
      }
    >
      <ItemRequirements item={item} showComponents={!showsComponents} />

      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('oitAssess.item.answer')}
        </Text>
        {!answer || answer.has === null ? (
          <Text size="sm" c="dimmed">
            {t('oitAssess.item.noAnswer')}
          </Text>
        ) : (
          <>
            <Text size="sm">{t(answer.has ? 'oitAssess.item.has' : 'oitAssess.item.hasNot')}</Text>
            {answer.explanation && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('oitAssess.item.explanation', { text: answer.explanation })}
              </Text>
            )}
            {answer.approvedAt && (
              <Text size="xs" c="dimmed">
                {t('oitAssess.item.approvedAt', { when: formatDateTime(answer.approvedAt, lang) })}
              </Text>
            )}
          </>
        )}
      </Stack>

      {item.evidence.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('oitAssess.evidence.title')}
          </Text>
          {item.evidence.map((e) => (
            <EvidenceCompare
              key={e.url}
              url={e.url}
              original={e.original}
              latest={e.latest}
              frameHeight={360}
              headingOrder={6}
            />
          ))}
          <ErrorAlert error={refetch.error} />
          {canRefetch && (
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => refetch.mutate(item.code)}
                loading={refetch.isPending}
              >
                {t('oitAssess.evidence.refetch', { code: item.code })}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      {item.clarification && (
        <ClarificationPanel item={item} agencyId={agencyId} year={year} side="assessor" />
      )}

      {item.can.score ? (
        // A saved score remounts the form with what the server stored.
        <ScoreForm key={item.score?.updatedAt ?? 'new'} item={item} agencyId={agencyId} year={year} />
      ) : (
        item.score && <ScoreView item={item} score={item.score} />
      )}
    </ItemCard>
  );
}
