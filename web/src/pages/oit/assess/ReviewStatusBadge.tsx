import { Badge } from '@mantine/core';
import type { OitReviewStatus } from '../../../api/oit-assessment.ts';
import { useLang } from '../../../i18n/index.ts';
import { reviewStatusColor } from './assess-view.ts';

/** Where an agency's OIT stands: answering, awaiting approval, approved, assessed, confirmed. */
export function ReviewStatusBadge({ status }: { status: OitReviewStatus }) {
  const { t } = useLang();
  return (
    <Badge
      color={reviewStatusColor(status)}
      variant="light"
      // Thai labels are long for a narrow column: wrap them rather than cut them off.
      styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal', overflow: 'visible' } }}
    >
      {t(`oitAssess.status.${status}`)}
    </Badge>
  );
}
