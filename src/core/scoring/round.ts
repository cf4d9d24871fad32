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

/**
 * Rounds `x` to `decimals` places, halves away from zero (ROUND_HALF_UP as in BigDecimal / Python's
 * decimal, so −1.005 → −1.01, the mirror of 1.005 → 1.01). Never returns −0.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: ${x} is not a finite number`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)
    throw new RangeError(`roundHalfUp: decimals must be an integer from 0 to 20, got ${decimals}`);

  // toExponential always yields "d.ddd…e±n" with exactly SIGNIFICANT_DIGITS digits, for any magnitude.
  const [mantissa = '0', exponent = '0'] = Math.abs(x)
    .toExponential(SIGNIFICANT_DIGITS - 1)
    .split('e');
  const digits = BigInt(mantissa.replace('.', ''));
  // |x| = digits × 10^scale
  const scale = Number(exponent) - (SIGNIFICANT_DIGITS - 1);
  const dropped = -(scale + decimals); // how many decimal digits of `digits` fall beyond `decimals`

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
