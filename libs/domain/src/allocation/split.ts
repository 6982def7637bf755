import { DomainError } from '../domain-error';
import { allocateByWeights, sumMoney } from '../money';

/** A tag's claim on a line: a share in basis points (1 % = 100) or a fixed sum. */
export interface TagClaim {
  id: string;
  shareBp: number | null;
  fixedAmount: bigint | null;
}

export const FULL_SHARE_BP = 10_000;

export interface LineSplit {
  /** What each tag counts at the line's current amount; the parts never add up to more than the line. */
  portions: Map<string, bigint>;
  untagged: bigint;
  /** The fixed sums no longer fit the line (a later stage cut it): they were scaled down to fit. */
  overAllocated: boolean;
}

/**
 * Splits a line's counting amount among its tags.
 *
 * Shares follow the line through its stages (100 % of an RKA of 100 counts 80 when the DPA says
 * 80): that is what planners mean by "this line funds that activity". Share parts are cut with
 * the largest-remainder rule so that 100 % of a line is exactly the line. Fixed sums come out of
 * what the shares leave; if a later stage leaves too little, they are scaled down in proportion
 * (never counting money the line does not have) and the line is flagged.
 */
export function splitLine(amount: bigint, tags: readonly TagClaim[]): LineSplit {
  // The common case — one tag taking the whole line — without the arithmetic below (reports split
  // thousands of lines per request).
  if (tags.length === 1 && tags[0].shareBp === FULL_SHARE_BP) return { portions: new Map([[tags[0].id, amount]]), untagged: 0n, overAllocated: false };
  const portions = new Map<string, bigint>();
  const shared = tags.filter((t) => t.shareBp !== null);
  const fixed = tags.filter((t) => t.shareBp === null);
  const bpTotal = shared.reduce((s, t) => s + (t.shareBp ?? 0), 0);
  const sharedTotal = (amount * BigInt(Math.min(bpTotal, FULL_SHARE_BP))) / BigInt(FULL_SHARE_BP);
  if (shared.length) {
    const parts = allocateByWeights(sharedTotal, shared.map((t) => BigInt(t.shareBp ?? 0)));
    shared.forEach((t, i) => portions.set(t.id, parts[i]));
  }
  const room = amount - sharedTotal;
  const fixedWanted = sumMoney(fixed.map((t) => t.fixedAmount ?? 0n));
  const overAllocated = fixedWanted > room || bpTotal > FULL_SHARE_BP;
  if (fixed.length) {
    const parts = fixedWanted <= room ? fixed.map((t) => t.fixedAmount ?? 0n) : allocateByWeights(room, fixed.map((t) => t.fixedAmount ?? 0n));
    fixed.forEach((t, i) => portions.set(t.id, parts[i]));
  }
  const untagged = amount - sumMoney(portions.values());
  return { portions, untagged, overAllocated };
}

/**
 * The rule "shares never exceed the line", checked before a tag is added or changed (with the
 * line locked, so two clerks cannot both take the last 50 %). `others` are the line's other tags.
 */
export function assertClaimFits(amount: bigint, others: readonly TagClaim[], claim: Omit<TagClaim, 'id'>, field: string): void {
  const all = [...others, { ...claim, id: '' }];
  const bp = all.reduce((s, t) => s + (t.shareBp ?? 0), 0);
  const fixed = sumMoney(all.map((t) => t.fixedAmount ?? 0n));
  const shareOfLine = (amount * BigInt(Math.min(bp, FULL_SHARE_BP))) / BigInt(FULL_SHARE_BP);
  if (bp > FULL_SHARE_BP || shareOfLine + fixed > amount) {
    const taken = splitLine(amount, others);
    throw new DomainError('SHARE_EXCEEDS_LINE', `Bagian untuk kegiatan melebihi baris anggaran: sisa yang belum ditandai ${taken.untagged.toString()}`, {
      path: field,
      untagged: taken.untagged.toString(),
    });
  }
}

/** Percent with at most two decimals (12.5, 33.33) → basis points; anything else names the field. */
export function percentToBasisPoints(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw DomainError.invalidField(field, 'harus angka persen, misalnya 50 atau 33,33');
  const bp = Math.round(value * 100);
  if (Math.abs(bp - value * 100) > 1e-6) throw DomainError.invalidField(field, 'paling banyak dua angka di belakang koma');
  if (bp < 1 || bp > FULL_SHARE_BP) throw DomainError.invalidField(field, 'harus lebih dari 0 dan paling banyak 100');
  return bp;
}

export function basisPointsToPercent(bp: number): number {
  return bp / 100;
}
