// The target of a scope (issue 11 §4): a share of agencies that must reach a score. The national plan sets
// it (seed 000: 89 points for 100 % of the agencies taking part, every year 2566–2570); the framework carries
// the national share at its pass threshold (`rating.nationalTargetShare`), and a supervisor sets its own
// for its scope and year. Pure: counting and comparing only.

export interface Target {
  /** The score an agency must reach (0–100, inclusive: "89 points" means a total of 89 or more). */
  threshold: number;
  /** The share of agencies that must reach it (0–1). */
  share: number;
}

export interface TargetReading {
  threshold: number;
  targetShare: number;
  /** Agencies at or above the threshold. */
  reached: number;
  /** Their share of the agencies with a result (null when there is none). */
  share: number | null;
  /** Whether the share reaches the target (null when there is no agency to count). */
  met: boolean | null;
}

/** Four decimals, so that a share printed as a percentage with two decimals is exact. */
export const roundShare = (x: number) => Math.round(x * 10_000) / 10_000;

/** How many of `totals` reach the target's score, and whether their share reaches its share. */
export function readTarget(totals: readonly number[], target: Target): TargetReading {
  const reached = totals.filter((t) => t >= target.threshold).length;
  const share = totals.length === 0 ? null : roundShare(reached / totals.length);
  return {
    threshold: target.threshold,
    targetShare: target.share,
    reached,
    share,
    // Compared on the exact counts, not the rounded share: 2 of 3 is below a target of 0.6667.
    met: totals.length === 0 ? null : reached >= target.share * totals.length - 1e-9,
  };
}
