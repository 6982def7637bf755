/**
 * Allocations (budget tags): API-CONTRACT.md "Allocations". A budget line is a real line of a
 * budget document (an agency's APBD, a desa's APBDes, or national/third-party money); a tag links
 * a line, or a share of it, to a plan activity. Money is whole Rupiah as digit strings.
 */
export const BUDGET_SOURCES = ['APBD', 'APBDES', 'APBN', 'OTHER'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** Stages in the order they supersede each other (a later one counts, the earlier stays as history). */
export const APBD_STAGES = ['RKA', 'DPA', 'DPPA'] as const;
export const APBDES_STAGES = ['RKPDES', 'APBDES', 'APBDES_P'] as const;
/** National and third-party money has no document stages: one value that a later entry replaces. */
export const OTHER_STAGES = ['COMMITTED'] as const;
export const BUDGET_STAGES = [...APBD_STAGES, ...APBDES_STAGES, ...OTHER_STAGES] as const;
export type BudgetStage = (typeof BUDGET_STAGES)[number];

export const VILLAGE_FUND_SOURCES = ['DDS', 'ADD', 'PBH', 'PBP', 'PBK', 'SWD', 'DLL'] as const;
export type VillageFundSource = (typeof VILLAGE_FUND_SOURCES)[number];

/**
 * Warnings on a line or tag. They never block a write (planners must be able to record the budget
 * as it really is), they are shown next to the line and counted in the gap report.
 */
export const LINE_WARNINGS = ['CODE_OUT_OF_MANDATE', 'CODE_LEVEL_MISMATCH', 'RETIRED_CODE', 'OVER_ALLOCATED_LINE'] as const;
export type LineWarning = (typeof LINE_WARNINGS)[number];

/** POST /api/activities/:id/allocations (and, without the split fields, POST /api/budget-lines). */
export interface AllocationRequest {
  source: BudgetSource;
  fiscalYear: number;
  amount: string | number;
  agencyId?: string;
  villageCode?: string;
  funder?: string;
  budgetCode?: string;
  accountCode?: string;
  fundSource?: VillageFundSource;
  stage?: BudgetStage;
  /** Part of the line for this activity, in percent with at most two decimals (default 100 % when the line has no other tag). */
  sharePercent?: number;
  /** Or a fixed sum of the line for this activity. */
  taggedAmount?: string | number;
  note?: string;
}

export interface StageRecordView {
  stage: BudgetStage;
  amount: string;
  recordedAt: string;
  recordedBy?: string;
}

export interface LineTagView {
  id: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  planId: string;
  sharePercent?: number;
  taggedAmount?: string;
  /** What this tag counts for the activity at the line's latest stage. */
  allocated: string;
  version: number;
}

export interface BudgetLineView {
  id: string;
  source: BudgetSource;
  fiscalYear: number;
  agencyId?: string;
  agencyName?: string;
  villageCode?: string;
  villageName?: string;
  funder?: string;
  budgetCode?: string;
  budgetCodeName?: string;
  catalogVersion?: string;
  accountCode?: string;
  /** The account code as the user or the file wrote it, when it differs from the canonical form. */
  accountCodeOriginal?: string;
  fundSource?: VillageFundSource;
  /** The latest stage and its amount: what counts. */
  stage: BudgetStage;
  amount: string;
  stages: StageRecordView[];
  realised?: { q1?: string; q2?: string; q3?: string; q4?: string };
  tags: LineTagView[];
  /** Share of the line not yet tagged to any activity. */
  untagged: string;
  warnings: LineWarning[];
  /** For RETIRED_CODE: the code that replaces it in the catalogue version in force. */
  replacementCode?: string;
  migratedFromCode?: string;
  note?: string;
  /** Of the line (realised amounts are written with it); a tag has its own. */
  version: number;
}

/** GET /api/activities/:id/allocations: one row per tag, with its line's fields. */
export interface AllocationView extends Omit<BudgetLineView, 'id' | 'tags' | 'version'> {
  /** The tag's id (DELETE /api/allocations/:id removes the tag, not the line). */
  id: string;
  lineId: string;
  activityId: string;
  sharePercent?: number;
  taggedAmount?: string;
  allocated: string;
  /** Of the tag (PATCH /api/allocations/:id). */
  version: number;
  lineVersion: number;
}

/** GET /api/villages/:code/apbdes */
export interface VillageApbdesLine {
  id: string;
  budgetCode: string;
  budgetCodeName?: string;
  fundSource: VillageFundSource;
  stage: BudgetStage;
  amount: string;
  tagged: boolean;
  fiscalYear: number;
  tags: LineTagView[];
  untagged: string;
}

/**
 * POST /api/villages/:code/apbdes/import: a Siskeudes export. One line per kegiatan and fund
 * source; `stage` and `amount` are what will count (APBDES_P after a revision), `stages` what the
 * file holds. `created`/`updated`/`unchanged` count lines: unchanged when the line's counting stage
 * and amount already match, updated when a new stage or amount is recorded.
 */
export type ApbdesImportStatus = 'created' | 'updated' | 'unchanged';

export interface ApbdesImportLine {
  /** After a commit (and for lines that already existed): the budget line, to tag it. */
  lineId?: string;
  budgetCode: string;
  budgetCodeName?: string;
  fundSource: VillageFundSource;
  stage: BudgetStage;
  amount: string;
  stages: { stage: BudgetStage; amount: string }[];
  /** For an updated line: what counted before. */
  previous?: { stage: BudgetStage; amount: string };
  status: ApbdesImportStatus;
}

/** A plan activity of the desa, its kecamatan or the plan region that an imported code could fund. */
export interface ApbdesImportSuggestion {
  budgetCode: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  planId: string;
  /** `catalog`: the code is among the activity's APBDes suggestions; `other_villages`: other desa tagged this code to it. */
  reason: 'catalog' | 'other_villages';
}

export interface ApbdesImportResult {
  dryRun: boolean;
  valid: boolean;
  fiscalYear: number;
  created: number;
  updated: number;
  unchanged: number;
  lines: ApbdesImportLine[];
  suggestions: ApbdesImportSuggestion[];
  errors: { sheet: string; row: number; column: string; message: string }[];
}

/** GET /api/villages/:code/activities: the plan activities that concern a desa. */
export interface VillageActivityView {
  planId: string;
  planTitle: string;
  activityId: string;
  code: string;
  title: string;
  strategyCode: number;
  output?: string;
  /** Where the activity is located: this desa, its kecamatan, or the whole plan region. */
  scope: 'village' | 'district' | 'region';
  costs: Record<string, string>;
  /** Allocated from this desa's APBDes lines, per year. */
  villageAllocated: Record<string, string>;
  supported: boolean;
}

/** GET /api/plans/:id/tagging-coverage: who has entered what. */
export interface TaggingCoverage {
  planId: string;
  fiscalYears: number[];
  activities: {
    activityId: string;
    code: string;
    title: string;
    strategyCode: number;
    leadAgencyId: string;
    leadAgencyName: string;
    need: Record<string, string>;
    allocated: Record<string, string>;
    lineCount: number;
    warnings: LineWarning[];
  }[];
  agencies: {
    agencyId: string;
    name: string;
    shortName: string;
    /** Activities it leads or supports. */
    activityCount: number;
    lineCount: number;
    allocated: string;
  }[];
  totals: { need: string; allocated: string; activitiesWithoutLines: number; agenciesWithoutLines: number };
}

export interface TagRequest {
  activityId: string;
  sharePercent?: number;
  taggedAmount?: string | number;
}

export interface UpdateTagRequest {
  version: number;
  sharePercent?: number;
  taggedAmount?: string | number;
}

export interface StageRequest {
  stage: BudgetStage;
  amount: string | number;
}

export interface MigrationResult {
  migrated: { lineId: string; from: string; to: string }[];
  skipped: { lineId: string; code: string; reason: string }[];
}
