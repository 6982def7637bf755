import type { MigrationResult } from './allocations';
export const REGION_LEVELS = ['province', 'regency', 'district', 'village', 'urban_village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
}

/** A region with its ancestors, for breadcrumbs and search results ("Oesao, Kupang Timur, Kupang"). */
export interface RegionDetail extends RegionView {
  path: RegionView[];
  childCount: number;
}

export const AGENCY_KINDS = ['opd', 'vertical', 'ngo', 'university', 'private', 'partner', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface AgencyView {
  id: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  regionCode: string;
  /** Bidang urusan codes the agency may spend under, e.g. `2.08` for DP3A. */
  mandates: string[];
  version: number;
}

export const BUDGET_CODE_KINDS = ['APBD', 'APBDES'] as const;
export type BudgetCodeKind = (typeof BUDGET_CODE_KINDS)[number];

export const APBD_CODE_LEVELS = ['urusan', 'bidang_urusan', 'program', 'kegiatan', 'sub_kegiatan'] as const;
export const APBDES_CODE_LEVELS = ['bidang', 'sub_bidang', 'kegiatan'] as const;
export type BudgetCodeLevel = (typeof APBD_CODE_LEVELS)[number] | (typeof APBDES_CODE_LEVELS)[number];

export type GovernmentLevel = 'province' | 'regency';

export interface BudgetCodeView {
  code: string;
  level: BudgetCodeLevel;
  name: string;
  catalogVersion: string;
  kind: BudgetCodeKind;
  governmentLevel?: GovernmentLevel;
  output?: string;
  indicator?: string;
  unit?: string;
  /** In suggestions: whether the code lies within the lead agency's mandate (bidang urusan). */
  inMandate?: boolean;
}

export const CATALOG_KINDS = [
  'REGIONS',
  'APBD_NOMENCLATURE',
  'APBD_ACCOUNTS',
  'APBD_CROSSWALK',
  'APBDES_ACTIVITIES',
  'APBDES_ACCOUNTS',
  'FUND_SOURCES',
  'RAN_STRATEGIES',
] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export interface CatalogVersionView {
  id: string;
  kind: CatalogKind;
  label: string;
  source: string;
  rowCount: number;
  importedAt: string;
  current: boolean;
  /** First fiscal year this edition is in force for. */
  inForceFrom?: number;
}

export interface CatalogImportResult {
  kind: CatalogKind;
  label: string;
  /** Rows inserted or changed by this import; 0 when the same file is imported again. */
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
  /** A crosswalk imported with `migrateTags=true`: the budget lines moved to their new codes. */
  migration?: MigrationResult;
}

export interface StrategyView {
  code: number;
  name: string;
  nameEn: string;
}

export interface FundSourceView {
  code: string;
  name: string;
}
