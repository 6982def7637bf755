import { DomainError } from './domain-error';

/** Largest amount the contract accepts: 10^15 Rupiah (a quadrillion, far above any budget). */
export const MAX_AMOUNT = 10n ** 15n;

/**
 * Reads an amount of whole Rupiah from JSON: a string of decimal digits or a non-negative safe
 * integer. Anything else (fractions, negatives, "1,5 jt", exponents, above 10^15) is refused with
 * the field named, so a typo can never become a different amount.
 */
export function parseMoney(input: unknown, path: string): bigint {
  let digits: string | undefined;
  if (typeof input === 'number' && Number.isSafeInteger(input) && input >= 0) digits = String(input);
  else if (typeof input === 'string' && /^\d+$/.test(input.trim())) digits = input.trim();
  if (digits === undefined) {
    throw DomainError.invalidField(path, 'harus jumlah Rupiah utuh tanpa titik, koma atau tanda minus (contoh "150000000")');
  }
  const value = BigInt(digits);
  if (value > MAX_AMOUNT) {
    throw DomainError.invalidField(path, 'melebihi batas 1.000.000.000.000.000');
  }
  return value;
}



export function sumMoney(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Splits `total` in proportion to `weights` so that the parts always add up to `total`
 * (largest-remainder / Hamilton method). Ties in the remainder go to the earlier weight, so the
 * result is deterministic.
 */
export function allocateByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('total must be non-negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must be non-negative');
  const weightSum = sumMoney(weights);
  if (weightSum === 0n) {
    // Nothing to split by: only a zero total can be "split" without losing money.
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError('cannot split a non-zero total by weights that are all zero');
  }
  const parts = weights.map((w) => (total * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % weightSum }));
  let left = total - sumMoney(parts);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k % remainders.length].i] += 1n;
  return parts;
}
