/**
 * Tactical fund pools (anggaran taktis): API-CONTRACT.md "Tactical fund pools". A pool is held by
 * one member agency; members draw on it for plan activities; every movement is a ledger entry and
 * the balances are derived from the ledger. Money is whole Rupiah as digit strings.
 */
export const POOL_SOURCE_TYPES = ['HOLDER_APBD', 'BTT', 'APBDES', 'APBN', 'CSR', 'PARTNER', 'OTHER'] as const;
export type PoolSourceType = (typeof POOL_SOURCE_TYPES)[number];

export const CONTRIBUTION_STATUSES = ['pledged', 'received'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const POOL_APPROVERS = ['holder', 'planner', 'holder_or_planner'] as const;
export type PoolApprover = (typeof POOL_APPROVERS)[number];

export const DRAWDOWN_STATUSES = ['requested', 'approved', 'rejected', 'disbursed', 'settled', 'cancelled'] as const;
export type DrawdownStatus = (typeof DRAWDOWN_STATUSES)[number];

/**
 * Ledger entry kinds and what each does to the balances:
 * PLEDGE +pledged · RECEIPT +received · COMMIT +committed (approval) · RELEASE −committed (cancel) ·
 * DISBURSE −committed +disbursed · REVERSAL undoes a PLEDGE, RECEIPT or DISBURSE (a refund) ·
 * CARRY_OUT −received (to next year's pool) · CARRY_IN +received (from last year's pool).
 */
export const LEDGER_KINDS = ['PLEDGE', 'RECEIPT', 'COMMIT', 'RELEASE', 'DISBURSE', 'REVERSAL', 'CARRY_OUT', 'CARRY_IN'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface PoolRules {
  /** Largest amount one drawdown may ask for; absent: no limit. */
  maxPerDrawdown?: string;
  /** RAN strategy codes (1–6) the pool may fund; empty: all. */
  eligibleStrategies: number[];
  approver: PoolApprover;
  /** Share of the received money only an emergency request may use, in percent (0–100, two decimals). */
  reservePercent: number;
}

export interface PoolBalances {
  /** Pledged (expected) contributions. */
  expected: string;
  received: string;
  committed: string;
  disbursed: string;
  /** received − committed − disbursed; never below zero. */
  available: string;
  /** Part of `available` that only emergency requests may use. */
  reserve: string;
}

export interface FundPoolSummary extends PoolBalances {
  id: string;
  name: string;
  holderAgencyId: string;
  holderAgencyName: string;
  regionCode: string;
  regionName: string;
  fiscalYear: number;
  openRequests: number;
  carriedToPoolId?: string;
}

export interface FundPoolView extends FundPoolSummary, PoolRules {
  version: number;
  /** What the current user may do on this pool. */
  canApprove: boolean;
  canRequest: boolean;
  canManage: boolean;
}

export interface CreateFundPoolRequest {
  name: string;
  holderAgencyId: string;
  fiscalYear: number;
  regionCode: string;
  maxPerDrawdown?: string | number;
  eligibleStrategies?: number[];
  approver?: PoolApprover;
  reservePercent?: number;
}

export interface ContributionRequest {
  amount: string | number;
  sourceType: PoolSourceType;
  reference: string;
  /** Default `received`. */
  status?: ContributionStatus;
  note?: string;
}

export interface DrawdownRequest {
  activityId: string;
  requestingAgencyId: string;
  amount: string | number;
  purpose: string;
  beneficiaryNote?: string;
  /** May use the emergency reserve. */
  emergency?: boolean;
}

export interface DrawdownView {
  id: string;
  poolId: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  requestingAgencyId: string;
  requestingAgencyName: string;
  amount: string;
  purpose: string;
  beneficiaryNote?: string;
  emergency: boolean;
  status: DrawdownStatus;
  rejectReason?: string;
  proof?: { documentNumber: string; date: string; fileName?: string };
  requestedBy?: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  version: number;
}

export interface LedgerEntryView {
  id: string;
  kind: LedgerKind;
  amount: string;
  at: string;
  actorEmail?: string;
  drawdownId?: string;
  sourceType?: PoolSourceType;
  reference?: string;
  note?: string;
  reversesEntryId?: string;
  reversedBy?: string;
  /** Balances after this entry, for the statement. */
  balances: PoolBalances;
}

export interface SettleRequest {
  documentNumber: string;
  date: string;
}

export interface PoolTotals {
  byActivity: { activityId: string; code: string; title: string; committed: string; disbursed: string }[];
  byAgency: { agencyId: string; name: string; requested: number; committed: string; disbursed: string }[];
}
