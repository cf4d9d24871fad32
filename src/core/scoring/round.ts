// Half-up rounding on the decimal value a number stands for, not on its binary approximation.
//
// 1.005 is stored as 1.00499999999999989…, so Math.round(1.005 * 100) / 100 and (1.005).toFixed(2) both
// give 1 — but a published ITA score of 95.925 must read 95.93. We therefore read x as a decimal with
// SIGNIFICANT_DIGITS significant digits and round that decimal exactly with BigInt arithmetic.
//
// Why 14 digits and not 15–17: scores are means and weighted sums, and each float operation may add half
// an ulp of error; a total whose exact value is 95.925 can arrive as 95.92499999999993. Reading 14 digits
// absorbs dozens of ulps of such noise at scores up to 100 while every literal with ≤ 14 significant
// digits (every realistic score) is read exactly. The price: a value that truly differs from a half only
// in its 15th significant digit is treated as the half. Scores never carry that many digits.
const SIGNIFICANT_DIGITS = 14;
/** 10^0 … 10^22, written out: each is exactly a double (10^23 is not). */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/**
 * Rounds `x` to `decimals` places, halves away from zero (ROUND_HALF_UP as in BigDecimal / Python's
 * decimal, so −1.005 → −1.01, the mirror of 1.005 → 1.01). Never returns −0.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: ${x} is not a finite number`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)
    throw new RangeError(`roundHalfUp: decimals must be an integer from 0 to 20, got ${decimals}`);

  // toExponential always yields "d.ddd…e±n" with exactly SIGNIFICANT_DIGITS digits, for any magnitude.
  const text = Math.abs(x).toExponential(SIGNIFICANT_DIGITS - 1);
  const e = text.indexOf('e');
  // |x| = digits × 10^scale
  const scale = Number(text.slice(e + 1)) - (SIGNIFICANT_DIGITS - 1);
  const dropped = -(scale + decimals); // how many decimal digits of `digits` fall beyond `decimals`

  // The usual case (a score to two places), in plain numbers: the digits (< 10^14) and every power of ten up
  // to 10^22 are exact doubles, so the remainder, the exact quotient and the final division — correctly
  // rounded like Number("9593e-2") — give bit for bit what the BigInt path below gives (round.test.ts),
  // several times faster (a processing run rounds millions of scores, bench:process).
  if (dropped > 0 && dropped <= 22 && decimals <= 22) {
    const digits = Number(text.slice(0, 1) + text.slice(2, e));
    const divisor = POWERS_OF_TEN[dropped] as number;
    const rest = digits % divisor;
    let kept = (digits - rest) / divisor;
    if (2 * rest >= divisor) kept += 1;
    if (kept === 0) return 0;
    const magnitude = kept / (POWERS_OF_TEN[decimals] as number);
    return x < 0 ? -magnitude : magnitude;
  }
  return roundExactly(x, text, e, dropped, decimals);
}

/** The same rounding in BigInt arithmetic, for any magnitude. */
function roundExactly(x: number, text: string, e: number, dropped: number, decimals: number): number {
  const digits = BigInt(text.slice(0, e).replace('.', ''));
  let kept: bigint;
  if (dropped <= 0) {
    kept = digits * 10n ** BigInt(-dropped);
  } else {
    const divisor = 10n ** BigInt(dropped);
    kept = digits / divisor;
    if (2n * (digits % divisor) >= divisor) kept += 1n;
  }
  if (kept === 0n) return 0;
  // Number("9593e-2") is the double nearest to the decimal 95.93, which is what callers expect to see.
  const magnitude = Number(`${kept}e-${decimals}`);
  return x < 0 ? -magnitude : magnitude;
}
