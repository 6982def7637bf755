import type { BudgetSource, GovernmentLevel, LineWarning } from '@sinergi/contracts';
import { parseApbdCode } from '../budget-codes';
import { regionLevel } from '../region-code';

/** The government level whose budget a plan or an agency belongs to: a province, or a regency/city. */
export function governmentLevelOfRegion(regionCode: string): GovernmentLevel {
  return regionLevel(regionCode) === 'province' ? 'province' : 'regency';
}

export interface LineFacts {
  source: BudgetSource;
  budgetCode: string;
  /** The owning agency's bidang urusan (empty: mandate not recorded, nothing to check against). */
  mandates: readonly string[];
  /** Level of the plan the line is tagged to (or of the owning agency when it is not tagged). */
  planLevel: GovernmentLevel | undefined;
  /** The code is not in the catalogue version in force for the line's fiscal year. */
  retired: boolean;
  overAllocated: boolean;
}

/**
 * Warnings about a line. None of them blocks a write: the budget is recorded as it really is, and
 * the planner sees what to fix (here, next to the line, and in the gap report).
 * - CODE_OUT_OF_MANDATE: the sub kegiatan's bidang urusan is not one the agency may spend under.
 *   The support programme `X.XX` belongs to every agency.
 * - CODE_LEVEL_MISMATCH: the kegiatan digit says province (1) but the plan is a regency's, or the reverse.
 * - RETIRED_CODE and OVER_ALLOCATED_LINE: decided by the caller (catalogue in force, split rule).
 */
export function lineWarnings(facts: LineFacts): LineWarning[] {
  const out: LineWarning[] = [];
  if (facts.source === 'APBD') {
    const code = parseApbdCode(facts.budgetCode);
    if (code?.bidangUrusan && code.bidangUrusan !== 'X.XX' && facts.mandates.length && !facts.mandates.includes(code.bidangUrusan)) {
      out.push('CODE_OUT_OF_MANDATE');
    }
    if (code?.governmentLevel && facts.planLevel && code.governmentLevel !== facts.planLevel) out.push('CODE_LEVEL_MISMATCH');
    if (facts.retired) out.push('RETIRED_CODE');
  }
  if (facts.overAllocated) out.push('OVER_ALLOCATED_LINE');
  return out;
}
