import type { AllocationView, BudgetSource, BudgetStage, LineWarning } from '@sinergi/contracts';
import { APBDES_STAGES, APBD_STAGES, OTHER_STAGES } from '@sinergi/contracts';
import type { TKey } from '../../core/i18n';

/* Labels and small rules of the agency grid and the tag form. The server decides; these only shape what is offered. */

export const STAGE_LABEL: Record<BudgetStage, TKey> = {
  RKA: 'allocations.tag.stage.RKA',
  DPA: 'allocations.tag.stage.DPA',
  DPPA: 'allocations.tag.stage.DPPA',
  RKPDES: 'allocations.tag.stage.RKPDES',
  APBDES: 'allocations.tag.stage.APBDES',
  APBDES_P: 'allocations.tag.stage.APBDES_P',
  COMMITTED: 'allocations.tag.stage.COMMITTED',
};

export const SOURCE_LABEL: Record<BudgetSource, TKey> = {
  APBD: 'allocations.tag.source.APBD',
  APBDES: 'allocations.tag.source.APBDES',
  APBN: 'allocations.tag.source.APBN',
  OTHER: 'allocations.tag.source.OTHER',
};

/** One Indonesian (or English) explanation per warning code. */
export const WARNING_LABEL: Record<LineWarning, TKey> = {
  CODE_OUT_OF_MANDATE: 'allocations.warning.CODE_OUT_OF_MANDATE',
  CODE_LEVEL_MISMATCH: 'allocations.warning.CODE_LEVEL_MISMATCH',
  RETIRED_CODE: 'allocations.warning.RETIRED_CODE',
  OVER_ALLOCATED_LINE: 'allocations.warning.OVER_ALLOCATED_LINE',
};

/** Names of the request fields, for the error list (`budgetCode` → "Kode sub kegiatan"). */
export const TAG_FIELD_LABEL: Record<string, TKey> = {
  budgetCode: 'allocations.tag.code',
  accountCode: 'allocations.tag.account',
  stage: 'allocations.tag.stage',
  amount: 'allocations.tag.amount',
  sharePercent: 'allocations.tag.share',
  taggedAmount: 'allocations.tag.share',
  agencyId: 'allocations.tag.agency',
  fiscalYear: 'allocations.tag.year',
};

/**
 * A share typed by a person: `50`, `33,33`, `33.33` or `50 %`. A number above 0 and at most 100 with
 * at most two decimals; null otherwise.
 */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 && value <= 100 ? value : null;
}

/** `33.5` → `33,5` in Indonesian, `33.5` in English. */
export function formatPercent(value: number, lang: 'id' | 'en'): string {
  return lang === 'id' ? String(value).replace('.', ',') : String(value);
}

/** The stages a line of this source goes through, earliest first. */
export function stagesOfSource(source: BudgetSource): readonly BudgetStage[] {
  return source === 'APBD' ? APBD_STAGES : source === 'APBDES' ? APBDES_STAGES : OTHER_STAGES;
}

/** The stages a line at `current` may still record: the same (a correction) or a later one. */
export function stagesFrom(source: BudgetSource, current: BudgetStage): BudgetStage[] {
  const all = stagesOfSource(source);
  const at = all.indexOf(current);
  return at < 0 ? [...all] : all.slice(at);
}

/** The stage a clerk most likely records next: the one after `current`, else `current` (a correction). */
export function nextStage(source: BudgetSource, current: BudgetStage): BudgetStage {
  const all = stagesOfSource(source);
  const at = all.indexOf(current);
  return at >= 0 && at < all.length - 1 ? all[at + 1] : current;
}

/** How a year cell compares what the agency's lines allocate with what the activity needs. */
export type CoverLevel = 'none' | 'partial' | 'full' | 'over';

export function coverLevel(need: string, allocated: string, lineCount: number): CoverLevel {
  if (lineCount === 0) return 'none';
  const n = BigInt(need || '0');
  const a = BigInt(allocated || '0');
  if (a === 0n && n > 0n) return 'none';
  if (a < n) return 'partial';
  return a === n ? 'full' : 'over';
}

/** Sum of `allocated` over allocations, in BigInt (never a float). */
export function sumAllocated(items: readonly AllocationView[]): string {
  let total = 0n;
  for (const a of items) if (/^\d+$/.test(a.allocated ?? '')) total += BigInt(a.allocated);
  return total.toString();
}

/** The quarters of a line's realisation (`realised.q1` … `q4`, paths `q1` … `q4` of PATCH …/realised). */
export const REALISED_QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
export type RealisedQuarter = (typeof REALISED_QUARTERS)[number];
export type RealisedAmounts = Partial<Record<RealisedQuarter, string | null>>;

export const QUARTER_LABEL: Record<RealisedQuarter, TKey> = {
  q1: 'allocations.realised.q1',
  q2: 'allocations.realised.q2',
  q3: 'allocations.realised.q3',
  q4: 'allocations.realised.q4',
};

/** Sum of the realised quarters, in BigInt (empty or cleared quarters count as nothing). */
export function sumRealised(realised: RealisedAmounts | null | undefined): string {
  let total = 0n;
  for (const q of REALISED_QUARTERS) {
    const v = realised?.[q];
    if (v && /^\d+$/.test(v)) total += BigInt(v);
  }
  return total.toString();
}

/** `part` as a percent of `whole` with at most one decimal (`25`, `33.3`); null when `whole` is 0. */
export function percentOf(part: string, whole: string): number | null {
  if (!/^\d+$/.test(part) || !/^\d+$/.test(whole) || BigInt(whole) === 0n) return null;
  const w = BigInt(whole);
  const tenths = (BigInt(part) * 1000n + w / 2n) / w;
  return Number(tenths) / 10;
}
