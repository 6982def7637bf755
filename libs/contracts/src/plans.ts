import type { AgencyKind } from './reference';

/**
 * Plans (RAD): the shapes of API-CONTRACT.md "Plans" plus the participation, version and diff
 * endpoints. Money is whole Rupiah as decimal-digit strings; years are JSON object keys ("2026").
 */
export const PLAN_STATUSES = ['draft', 'consultation', 'review', 'adopted', 'revision'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Per-year values keyed by the year: `{ "2026": "150000000" }`. */
export type YearMap = Record<string, string>;

export const ACTIVITY_PRIORITIES = ['high', 'medium', 'low'] as const;
export type ActivityPriority = (typeof ACTIVITY_PRIORITIES)[number];

export const ACTIVITY_STATUSES = ['active', 'deferred', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The editable fields of an activity (POST body; PATCH takes any subset plus `version`). */
export interface ActivityInput {
  strategyCode: number;
  title: string;
  description?: string;
  output?: string;
  indicator?: string;
  unit?: string;
  baseline?: string;
  leadAgencyId: string;
  supportingAgencyIds?: string[];
  regionCodes?: string[];
  targets?: YearMap;
  costs: YearMap;
  priority?: ActivityPriority;
  status?: ActivityStatus;
}

export interface ActivityView extends Required<Omit<ActivityInput, 'description' | 'output' | 'indicator' | 'unit' | 'baseline'>> {
  id: string;
  code: string;
  version: number;
  description?: string;
  output?: string;
  indicator?: string;
  unit?: string;
  baseline?: string;
  /** Sum of `costs` over the plan period. */
  totalCost: string;
}

export interface StrategyWithActivities {
  code: number;
  name: string;
  nameEn: string;
  activities: ActivityView[];
  /** Sum of the activities' costs per year. */
  costs: YearMap;
}

export interface LegalBasis {
  /** e.g. "Peraturan Bupati Kupang Nomor 12 Tahun 2026". */
  number: string;
  /** ISO date of enactment. */
  date: string;
}

/** What identifies a plan and its state: the fields of GET /api/plans/:id of the contract. */
export interface PlanHeader {
  id: string;
  regionCode: string;
  regionName: string;
  title: string;
  startYear: number;
  endYear: number;
  status: PlanStatus;
  version: number;
  totalCost: string;
}

export interface PlanSummary extends PlanHeader {
  activityCount: number;
  updatedAt: string;
}

export interface PlanView extends PlanHeader {
  taskForceId?: string;
  legalBasis?: LegalBasis;
  strategies: StrategyWithActivities[];
  /** Sum of all activities' costs per year (the total is `totalCost`). */
  costs: YearMap;
  /** Transitions the current user may make now (empty for those who may not move the plan). */
  allowedTransitions: PlanStatus[];
  openRound?: ConsultationRoundView;
}

export interface CreatePlanRequest {
  regionCode: string;
  title: string;
  startYear: number;
  endYear: number;
}

export interface TransitionRequest {
  to: PlanStatus;
  version: number;
  /** Required when adopting. */
  legalBasis?: LegalBasis;
  note?: string;
}

export interface ConsultationRoundView {
  id: string;
  number: number;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  invitedAgencyIds: string[];
}

/** Per invited agency: what it did in the round (the consultation overview). */
export interface ConsultationParticipation {
  agencyId: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  proposals: number;
  comments: number;
  endorsements: number;
}

export const PROPOSAL_KINDS = ['new_activity', 'amendment'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'carried_over', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalRequest {
  kind: ProposalKind;
  /** For an amendment: the activity it changes. */
  activityId?: string;
  /** New activity: the whole ActivityInput. Amendment: only the changed fields. */
  changes: Partial<ActivityInput>;
  rationale?: string;
}

export interface ProposalView {
  id: string;
  planId: string;
  kind: ProposalKind;
  activityId?: string;
  activityCode?: string;
  changes: Partial<ActivityInput>;
  rationale?: string;
  status: ProposalStatus;
  proposer: { id: string; name: string; agencyId?: string; agencyName?: string };
  roundId?: string;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  decisionReason?: string;
  /** For carried-over proposals: a fiscal year or the next plan. */
  carryOver?: { toYear?: number; toNextPlan?: boolean };
  endorsements: { endorserKey: string; name: string; at: string }[];
  commentCount: number;
  /** The activity the acceptance created or changed. */
  resultActivityId?: string;
}

export interface DecisionRequest {
  reason?: string;
}

export interface CarryOverRequest {
  toYear?: number;
  toNextPlan?: boolean;
  reason?: string;
}

export interface CommentView {
  id: string;
  parentId?: string;
  author: { id: string; name: string; agencyName?: string };
  body: string;
  createdAt: string;
}

export interface CommentRequest {
  body: string;
  parentId?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  createdAt: string;
  readAt?: string;
}

export interface PlanVersionView {
  number: number;
  transition: string;
  status: PlanStatus;
  createdAt: string;
  createdBy?: string;
  activityCount: number;
  totalCost: string;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanDiff {
  from: number | 'current';
  to: number | 'current';
  added: { id: string; code: string; title: string; totalCost: string }[];
  removed: { id: string; code: string; title: string; totalCost: string }[];
  changed: { id: string; code: string; title: string; fields: FieldChange[] }[];
  /** Total cost per year in both versions and the change ("−" values as "-123"). */
  costByYear: { year: number; from: string; to: string; delta: string }[];
  totals: { from: string; to: string; delta: string };
}
