import type { BudgetSource } from './allocations';

/**
 * Gap analysis (API-CONTRACT.md "Gaps"): need against allocation per activity and fiscal year,
 * flagged, with roll-ups. Money is whole Rupiah as digit strings.
 */
export const GAP_FLAGS = [
  'UNFUNDED',
  'UNDERFUNDED',
  'OVERFUNDED',
  'CODE_OUT_OF_MANDATE',
  'CODE_LEVEL_MISMATCH',
  'RETIRED_CODE',
  'VILLAGE_UNALIGNED',
  'STALE_STAGE',
  'NO_LEAD_AGENCY',
] as const;
export type GapFlag = (typeof GAP_FLAGS)[number];

/** Where allocated money comes from; POOL is approved and disbursed tactical-fund drawdowns. */
export type AllocationSource = BudgetSource | 'POOL';

export interface GapTotals {
  need: string;
  allocated: string;
  gap: string;
}

export interface ActivityGapView extends GapTotals {
  activityId: string;
  code: string;
  title: string;
  strategyCode: number;
  leadAgencyId?: string;
  leadAgencyName?: string;
  realised: string;
  bySource: Record<AllocationSource, string>;
  flags: GapFlag[];
  /** Budget lines counted for this activity in the year (drill-down). */
  lineIds: string[];
}

export interface GroupGapView extends GapTotals {
  activities: number;
  unfunded: number;
}

export interface GapReport {
  planId: string;
  regionCode: string;
  fiscalYear: number;
  years: number[];
  totals: GapTotals & { realised: string; bySource: Record<AllocationSource, string> };
  activities: ActivityGapView[];
  byStrategy: (GroupGapView & { strategyCode: number; name: string })[];
  byAgency: (GroupGapView & { agencyId: string; name: string; shortName: string })[];
  /** Every year of the plan period (filters applied), for the chart by year. */
  byYear: (GapTotals & { fiscalYear: number })[];
  byVillage: { villageCode: string; villageName: string; districtCode: string; districtName: string; activities: number; aligned: number; allocated: string }[];
  flagCounts: Record<GapFlag, number>;
  /** Next fiscal year's unfunded activities and the planning step that can still carry them (absent when next year is outside the plan). */
  deadlines?: GapDeadlines;
}

export interface GapQuery {
  fiscalYear: number;
  strategyCode?: number;
  agencyId?: string;
  regionCode?: string;
  flag?: GapFlag;
}

/** GET /api/gaps?regionCode=53&fiscalYear=2026: a province's own plan and its regencies' (or all plans). */
export interface GapRollup {
  regionCode?: string;
  fiscalYear: number;
  totals: GapTotals & { plans: number; activities: number; unfunded: number };
  byPlan: (GroupGapView & { planId: string; regionCode: string; regionName: string; title: string; status: string })[];
  byStrategy: (GroupGapView & { strategyCode: number; name: string })[];
}

export type CalendarLevel = 'village' | 'district' | 'regency';
export type CalendarCarrier = 'village' | 'lead_agency' | 'bappeda';

export interface CalendarStepView {
  id: string;
  key: string;
  name: string;
  document: string;
  level: CalendarLevel;
  carrier: CalendarCarrier;
  startsMonth: number;
  endsMonth: number;
  /** −1: the step happens in the year before the fiscal year it plans for. */
  yearOffset: number;
  position: number;
  version: number;
}

/** A step placed in time for one fiscal year. */
export interface DatedStep {
  key: string;
  name: string;
  document: string;
  level: CalendarLevel;
  carrier: CalendarCarrier;
  /** ISO dates. */
  from: string;
  to: string;
  status: 'past' | 'current' | 'upcoming';
}

/** For next year's unfunded activities: which document and who should carry them now. */
export interface GapDeadlines {
  fiscalYear: number;
  today: string;
  steps: DatedStep[];
  advice: {
    activityId: string;
    code: string;
    title: string;
    gap: string;
    /** The lead agency, or the desa where the activity is located only in desa. */
    carrierName: string;
    step: DatedStep;
  }[];
}
