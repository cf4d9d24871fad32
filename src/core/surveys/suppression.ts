// Small-group suppression: any breakdown shown to agencies or supervisors hides groups of fewer than five
// responses, so that nobody can work out how a handful of identifiable colleagues answered. The guarantee,
// tested against a reader who knows this very algorithm: from a breakdown's output alone, no hidden group's
// count can be pinned to one value (for minimums of 3 and more).
//  - A hidden row keeps only its key: its count and values go ("2 responses" beside a day is a disclosure).
//  - Never exactly one hidden group beside visible ones: the next-smallest visible group is hidden too
//    (complementary suppression), since the agency's total is known elsewhere (collection progress) and the
//    total minus the visible groups would otherwise be the hidden one.
//  - Hidden rows do not say why they are hidden (too small, or hidden to protect another): the reason would
//    bound the counts (a "complementary" group is at least the minimum and at most the smallest visible).
//  - The breakdown's total is printed only when nothing is hidden; otherwise it would hand the reader the
//    sum of the hidden groups (a single small group, or two groups of one, read straight off it).
import { invalid } from '../errors.ts';

export const SMALL_GROUP_MINIMUM = 5;

export interface GroupRow {
  key: string;
  count: number;
}

/** The row with every field but the key nullable: a suppressed row keeps only its key. */
export type SuppressedRow<G extends GroupRow> = { key: G['key'] } & {
  [P in Exclude<keyof G, 'key'>]: G[P] | null;
} & { suppressed: boolean };

export interface ProtectedBreakdown<G extends GroupRow> {
  /** The sum over all groups, or null when any group is hidden (it would reveal them). */
  total: number | null;
  /** Rows in input order. */
  groups: SuppressedRow<G>[];
}

/** A breakdown as it may be shown: small groups and their complements hidden, the total only if safe. */
export function protectBreakdown<G extends GroupRow>(
  groups: readonly G[],
  minimum = SMALL_GROUP_MINIMUM,
): ProtectedBreakdown<G> {
  const rows = suppressSmallGroups(groups, minimum);
  const anyHidden = rows.some((r) => r.suppressed);
  return { total: anyHidden ? null : groups.reduce((s, g) => s + g.count, 0), groups: rows };
}

/** Rows in input order; a suppressed row has its count and every value replaced by null. */
export function suppressSmallGroups<G extends GroupRow>(
  groups: readonly G[],
  minimum = SMALL_GROUP_MINIMUM,
): SuppressedRow<G>[] {
  if (!Number.isInteger(minimum) || minimum < 1)
    throw invalid(
      'invalid_suppression_minimum',
      'จำนวนขั้นต่ำของกลุ่มต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป',
      'The group minimum must be a whole number of at least 1',
      { minimum },
    );
  const hidden = new Set<number>();
  groups.forEach((g, i) => {
    if (g.count < minimum) hidden.add(i);
  });
  if (hidden.size === 1) {
    const partner = smallestVisible(groups, hidden);
    if (partner !== null) hidden.add(partner);
  }
  return groups.map((g, i) => (hidden.has(i) ? blank(g) : { ...g, suppressed: false }) as SuppressedRow<G>);
}

/** The next-smallest visible group (ties: the smaller key, so the choice is reproducible), if any. */
function smallestVisible(groups: readonly GroupRow[], hidden: ReadonlySet<number>): number | null {
  let best: number | null = null;
  groups.forEach((g, i) => {
    if (hidden.has(i)) return;
    const current = best === null ? undefined : groups[best];
    if (!current || g.count < current.count || (g.count === current.count && g.key < current.key)) best = i;
  });
  return best;
}

function blank(group: GroupRow) {
  const row: Record<string, unknown> = { key: group.key };
  for (const field of Object.keys(group)) if (field !== 'key') row[field] = null;
  return { ...row, suppressed: true };
}
