// Small-group suppression: any breakdown shown to agencies or supervisors hides groups of fewer than five
// responses, so that nobody can work out how a handful of identifiable colleagues answered.
import { invalid } from '../errors.ts';

export const SMALL_GROUP_MINIMUM = 5;

export interface GroupRow {
  key: string;
  count: number;
}

/** 'small': below the minimum. 'complementary': hidden so that a small group cannot be recovered. */
export type SuppressionReason = 'small' | 'complementary';

/** The row with every field but the key nullable: a suppressed row keeps only its key. */
export type SuppressedRow<G extends GroupRow> = { key: G['key'] } & {
  [P in Exclude<keyof G, 'key'>]: G[P] | null;
} & { suppressed: boolean; reason: SuppressionReason | null };

export interface SuppressionOptions {
  /**
   * Whether the page also shows the total over all groups. Then a single hidden group equals the total
   * minus the visible ones, so a second group must be hidden too. Defaults to true: the safe assumption.
   */
  totalShown?: boolean;
}

/**
 * Rows in input order; a suppressed row has its count and every value replaced by null. The count goes too:
 * "2 responses" next to a department name is itself a disclosure, and with the total it would let a
 * reader subtract their way back to the hidden values.
 */
export function suppressSmallGroups<G extends GroupRow>(
  groups: readonly G[],
  minimum = SMALL_GROUP_MINIMUM,
  options: SuppressionOptions = {},
): SuppressedRow<G>[] {
  if (!Number.isInteger(minimum) || minimum < 1)
    throw invalid(
      'invalid_suppression_minimum',
      'จำนวนขั้นต่ำของกลุ่มต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป',
      'The group minimum must be a whole number of at least 1',
      { minimum },
    );
  const reasons = new Map<number, SuppressionReason>();
  groups.forEach((g, i) => {
    if (g.count < minimum) reasons.set(i, 'small');
  });
  if (reasons.size === 1 && (options.totalShown ?? true)) {
    const partner = smallestVisible(groups, reasons);
    if (partner !== null) reasons.set(partner, 'complementary');
  }
  return groups.map((g, i) => {
    const reason = reasons.get(i) ?? null;
    return (reason === null ? { ...g, suppressed: false, reason } : blank(g, reason)) as SuppressedRow<G>;
  });
}

/** The next-smallest visible group (ties: the smaller key, so the choice is reproducible), if any. */
function smallestVisible(groups: readonly GroupRow[], hidden: ReadonlyMap<number, unknown>): number | null {
  let best: number | null = null;
  groups.forEach((g, i) => {
    if (hidden.has(i)) return;
    const current = best === null ? undefined : groups[best];
    if (!current || g.count < current.count || (g.count === current.count && g.key < current.key)) best = i;
  });
  return best;
}

function blank(group: GroupRow, reason: SuppressionReason) {
  const row: Record<string, unknown> = { key: group.key };
  for (const field of Object.keys(group)) if (field !== 'key') row[field] = null;
  return { ...row, suppressed: true, reason };
}
