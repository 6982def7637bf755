import type { AllocationSource, GapFlag } from '@sinergi/contracts';
import { GAP_FLAGS } from '@sinergi/contracts';
import { fileSlug } from '../../core/files';
import { formatMoney } from '../../core/format';
import type { TKey } from '../../core/i18n';

/* Labels and small helpers of the gap dashboard. Money is whole Rupiah as digit strings, added in BigInt. */

export const FLAG_LABEL: Record<GapFlag, TKey> = {
  UNFUNDED: 'gaps.flag.UNFUNDED',
  UNDERFUNDED: 'gaps.flag.UNDERFUNDED',
  OVERFUNDED: 'gaps.flag.OVERFUNDED',
  CODE_OUT_OF_MANDATE: 'gaps.flag.CODE_OUT_OF_MANDATE',
  CODE_LEVEL_MISMATCH: 'gaps.flag.CODE_LEVEL_MISMATCH',
  RETIRED_CODE: 'gaps.flag.RETIRED_CODE',
  VILLAGE_UNALIGNED: 'gaps.flag.VILLAGE_UNALIGNED',
  STALE_STAGE: 'gaps.flag.STALE_STAGE',
  NO_LEAD_AGENCY: 'gaps.flag.NO_LEAD_AGENCY',
};

/** Badge colour of a flag: money missing is a danger, a mismatch of codes or stages a warning. */
export const FLAG_TONE: Record<GapFlag, 'danger' | 'warning' | 'muted'> = {
  UNFUNDED: 'danger',
  UNDERFUNDED: 'warning',
  OVERFUNDED: 'muted',
  CODE_OUT_OF_MANDATE: 'warning',
  CODE_LEVEL_MISMATCH: 'warning',
  RETIRED_CODE: 'warning',
  VILLAGE_UNALIGNED: 'warning',
  STALE_STAGE: 'muted',
  NO_LEAD_AGENCY: 'danger',
};

/** Where allocated money comes from, in the order of the stacked bars and the legend. */
export const SOURCES: readonly AllocationSource[] = ['APBD', 'APBDES', 'APBN', 'OTHER', 'POOL'];

export const SOURCE_LABEL: Record<AllocationSource, TKey> = {
  APBD: 'gaps.source.APBD',
  APBDES: 'gaps.source.APBDES',
  APBN: 'gaps.source.APBN',
  OTHER: 'gaps.source.OTHER',
  POOL: 'gaps.source.POOL',
};

export function isGapFlag(value: string | null | undefined): value is GapFlag {
  return !!value && (GAP_FLAGS as readonly string[]).includes(value);
}

export function big(value: string | null | undefined): bigint {
  return value && /^-?\d+$/.test(value) ? BigInt(value) : 0n;
}

/** `part` as a percent of `whole` (0–100, one decimal) for a bar width; 0 when `whole` is 0. */
export function widthOf(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  const tenths = Number((part * 1000n) / whole);
  return Math.min(100, tenths / 10);
}

/** Allocated as a whole percent of the need; null without a need. */
export function percentOf(allocated: bigint, need: bigint): number | null {
  return need > 0n ? Number((allocated * 100n) / need) : null;
}

/** The gap as people read it: `Rp 50.000.000`, or `lebih Rp 15.000.000` when more is allocated than needed. */
export function gapText(gap: string | bigint, t: (key: TKey, params?: Record<string, string>) => string): string {
  const g = typeof gap === 'bigint' ? gap : big(gap);
  // The amount never breaks across lines; "lebih" may go on its own line in a narrow column.
  const amount = formatMoney((g < 0n ? -g : g).toString()).replace(/ /g, '\u00a0');
  return g < 0n ? t('gaps.over', { amount }) : amount;
}

/** `1.10` after `1.9`: activity codes compared part by part as numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** The year a plan's dashboard opens on: this year when the plan covers it, else the plan's first year. */
export function defaultYear(plan: { startYear: number; endYear: number }, today = new Date()): number {
  const y = today.getFullYear();
  return y >= plan.startYear && y <= plan.endYear ? y : plan.startYear;
}

/** The file name of the downloaded workbook: `kesenjangan-rad-2026.xlsx`. */
export function workbookName(title: string, year: number): string {
  const slug = fileSlug(title);
  return `kesenjangan-${slug || 'rad'}-${year}.xlsx`;
}
