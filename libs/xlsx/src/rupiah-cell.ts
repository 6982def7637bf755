/** The Excel number format of every Rupiah cell Sinergi writes. */
export const RUPIAH_FORMAT = '"Rp" #,##0;[Red]-"Rp" #,##0';

/**
 * A whole-Rupiah amount (digit string or bigint) as the number an Excel cell stores. Sums are done
 * in bigint before this; the conversion itself is exact for any amount the contract accepts
 * (≤ 10^15 < 2^53), and refuses anything beyond rather than rounding it silently.
 */
export function rupiahCell(amount: string | bigint): number {
  const value = typeof amount === 'bigint' ? amount : BigInt(amount);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} is beyond what a spreadsheet cell holds exactly`);
  return n;
}
