import { Injectable, inject } from '@angular/core';
import type {
  ActivityInput,
  ActivityView,
  AgencyView,
  CarryOverRequest,
  CommentRequest,
  CommentView,
  ConsultationParticipation,
  ConsultationRoundView,
  CreatePlanRequest,
  DecisionRequest,
  ImportError,
  PlanDiff,
  PlanStatus,
  PlanSummary,
  PlanVersionView,
  PlanView,
  ProposalRequest,
  ProposalStatus,
  ProposalView,
  StrategyView,
  TaskForceView,
  TransitionRequest,
} from '@sinergi/contracts';
import { Observable, map } from 'rxjs';
import { Api, seg } from '../../core/api';
import { normalizePlan, normalizeProposal } from './plan-utils';

/* Shapes of the plan endpoints that @sinergi/contracts does not name (yet). */

/** `POST /api/plans` → 201. */
export interface CreatePlanResponse {
  id: string;
  status: PlanStatus;
  version: number;
}

/** `PATCH /api/plans/:id`: title and period, with the `version` last read. */
export interface UpdatePlanRequest {
  version: number;
  title?: string;
  startYear?: number;
  endYear?: number;
}

/** What `POST /api/plans/import` is given: the RAD matrix workbook and, optionally, where and under which title. */
export interface RadImportRequest {
  file: File;
  /** Default: the planner's region. */
  regionCode?: string;
  /** Default: the title on the workbook's cover sheet, else one made from the region and period. */
  title?: string;
  /** `true`: check and preview only, nothing is written. */
  dryRun: boolean;
}

/** One activity row of the matrix as it will be created. `totalCost` in digits (rupiah). */
export interface RadImportRow {
  /** The row number in the workbook. */
  row: number;
  strategyCode: number;
  title: string;
  leadAgency: string;
  totalCost: string;
}

/** `POST /api/plans/import`: 200 for a dry run, 201 with the new plan's `id` after a commit. */
export interface RadImportResult {
  dryRun: boolean;
  valid: true;
  id?: string;
  title: string;
  regionCode: string;
  startYear: number;
  endYear: number;
  activities: number;
  rows: RadImportRow[];
  /** Supporting institutions not found among the region's institutions: created with the plan. */
  newInstitutions: string[];
  warnings: ImportError[];
}

/** `POST /api/plans/:id/activities` → 201. */
export interface CreateActivityResponse {
  id: string;
  code: string;
  version: number;
}

/** `PATCH /api/activities/:id`: any subset of the fields, with the `version` last read. */
export type UpdateActivityRequest = Partial<ActivityInput> & { version: number };

/** One entry of `GET /api/activities/:id/history`. */
export interface ActivityHistoryEntry {
  id: string;
  at: string;
  actorEmail?: string;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
}

/** `POST /api/plans/:id/rounds`. */
export interface OpenRoundRequest {
  /** ISO dates (`2026-12-01`). */
  opensOn: string;
  closesOn: string;
  invitedAgencyIds: string[];
}

export interface PlanQuery {
  regionCode?: string;
  status?: PlanStatus | '';
}

/** `from` / `to` of `GET /api/plans/:id/diff`: a version number or `current`. */
export type VersionRef = number | 'current';

/** The comment thread of a proposal (for {@link PlansApi.comments}). */
export function proposalCommentsUrl(proposalId: string): string {
  return `/proposals/${seg(proposalId)}/comments`;
}

/** The comment thread of an activity (for {@link PlansApi.comments}). */
export function activityCommentsUrl(activityId: string): string {
  return `/activities/${seg(activityId)}/comments`;
}

/** A decision may answer with the proposal or with nothing useful; only a proposal is normalised. */
function maybeProposal(p: ProposalView): ProposalView {
  return p && typeof p === 'object' && p.id ? normalizeProposal(p) : p;
}

/** The RAD drafting endpoints: plans, activities, proposals, consultation rounds, versions. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly api = inject(Api);

  list(query: PlanQuery): Observable<PlanSummary[]> {
    return this.api.get<PlanSummary[]>('/plans', { regionCode: query.regionCode, status: query.status });
  }

  create(body: CreatePlanRequest): Observable<CreatePlanResponse> {
    return this.api.post<CreatePlanResponse>('/plans', body);
  }

  get(id: string): Observable<PlanView> {
    return this.api.get<PlanView>(`/plans/${seg(id)}`).pipe(map(normalizePlan));
  }

  /** 409 when `version` is stale; 400 with `details` (e.g. costs in a year the new period leaves out). */
  update(id: string, body: UpdatePlanRequest): Observable<PlanView> {
    return this.api.patch<PlanView>(`/plans/${seg(id)}`, body).pipe(map((p) => (p && p.strategies ? normalizePlan(p) : p)));
  }

  transition(id: string, body: TransitionRequest): Observable<PlanView> {
    return this.api.post<PlanView>(`/plans/${seg(id)}/transitions`, body).pipe(map((p) => (p && p.strategies ? normalizePlan(p) : p)));
  }

  // Activities
  createActivity(planId: string, body: ActivityInput): Observable<CreateActivityResponse> {
    return this.api.post<CreateActivityResponse>(`/plans/${seg(planId)}/activities`, body);
  }

  /** The server answers with the activity as saved (new `version`). */
  updateActivity(id: string, body: UpdateActivityRequest): Observable<ActivityView | null> {
    return this.api.patch<ActivityView | null>(`/activities/${seg(id)}`, body);
  }

  activity(id: string): Observable<ActivityView> {
    return this.api.get<ActivityView>(`/activities/${seg(id)}`);
  }

  deleteActivity(id: string, version: number): Observable<void> {
    return this.api.delete<void>(`/activities/${seg(id)}?version=${seg(version)}`);
  }

  history(activityId: string): Observable<ActivityHistoryEntry[]> {
    return this.api.get<ActivityHistoryEntry[]>(`/activities/${seg(activityId)}/history`);
  }

  // Proposals
  proposals(planId: string, status?: ProposalStatus | ''): Observable<ProposalView[]> {
    return this.api.get<ProposalView[]>(`/plans/${seg(planId)}/proposals`, { status }).pipe(map((list) => list.map(normalizeProposal)));
  }

  carriedIn(planId: string): Observable<ProposalView[]> {
    return this.api.get<ProposalView[]>(`/plans/${seg(planId)}/carried-in`).pipe(map((list) => list.map(normalizeProposal)));
  }

  propose(planId: string, body: ProposalRequest): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/plans/${seg(planId)}/proposals`, body);
  }

  /** 201 with the proposal and its endorsements; 409 when the user's agency already endorsed it. */
  endorse(proposalId: string): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/proposals/${seg(proposalId)}/endorsements`).pipe(map(maybeProposal));
  }

  /** `DELETE /proposals/:id/endorsements/mine` (204): takes back the endorsement of the user's agency or desa. */
  unendorse(proposalId: string): Observable<void> {
    return this.api.delete<void>(`/proposals/${seg(proposalId)}/endorsements/mine`);
  }

  // Comment threads (of a proposal or an activity): `url` from proposalCommentsUrl / activityCommentsUrl.
  comments(url: string): Observable<CommentView[]> {
    return this.api.get<CommentView[]>(url);
  }

  comment(url: string, body: CommentRequest): Observable<CommentView> {
    return this.api.post<CommentView>(url, body);
  }

  accept(proposalId: string, body: DecisionRequest): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/proposals/${seg(proposalId)}/accept`, body).pipe(map(maybeProposal));
  }

  reject(proposalId: string, body: DecisionRequest & { reason: string }): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/proposals/${seg(proposalId)}/reject`, body).pipe(map(maybeProposal));
  }

  carryOver(proposalId: string, body: CarryOverRequest): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/proposals/${seg(proposalId)}/carry-over`, body).pipe(map(maybeProposal));
  }

  withdraw(proposalId: string): Observable<ProposalView> {
    return this.api.post<ProposalView>(`/proposals/${seg(proposalId)}/withdraw`).pipe(map(maybeProposal));
  }

  // Consultation
  rounds(planId: string): Observable<ConsultationRoundView[]> {
    return this.api.get<ConsultationRoundView[]>(`/plans/${seg(planId)}/rounds`);
  }

  openRound(planId: string, body: OpenRoundRequest): Observable<ConsultationRoundView> {
    return this.api.post<ConsultationRoundView>(`/plans/${seg(planId)}/rounds`, body);
  }

  closeRound(roundId: string): Observable<ConsultationRoundView> {
    return this.api.post<ConsultationRoundView>(`/rounds/${seg(roundId)}/close`);
  }

  participation(roundId: string): Observable<ConsultationParticipation[]> {
    return this.api.get<ConsultationParticipation[]>(`/rounds/${seg(roundId)}/participation`);
  }

  // Versions
  versions(planId: string): Observable<PlanVersionView[]> {
    return this.api.get<PlanVersionView[]>(`/plans/${seg(planId)}/versions`);
  }

  diff(planId: string, from: VersionRef, to: VersionRef): Observable<PlanDiff> {
    return this.api.get<PlanDiff>(`/plans/${seg(planId)}/diff`, { from, to });
  }

  // The RAD matrix in Excel
  /**
   * A dry run answers 200 with the preview, a commit 201 with the new plan's `id`; a refused file is a 422
   * `IMPORT_INVALID` with `details` = `[{sheet,row,column,message}]` (row 0: the whole file) and nothing written.
   */
  importMatrix(request: RadImportRequest): Observable<RadImportResult> {
    const form = new FormData();
    if (request.regionCode) form.append('regionCode', request.regionCode);
    if (request.title) form.append('title', request.title);
    form.append('dryRun', request.dryRun ? 'true' : 'false');
    // The file last: the fields arrive before multer reads the bytes.
    form.append('file', request.file, request.file.name);
    return this.api.postForm<RadImportResult>('/plans/import', form);
  }

  /** The plan as the RAD matrix workbook (cover sheet and matrix). */
  exportMatrix(planId: string): Observable<Blob> {
    return this.api.download(`/plans/${seg(planId)}/export.xlsx`);
  }

  // Reference data the plan screens need
  strategies(): Observable<StrategyView[]> {
    return this.api.get<StrategyView[]>('/strategies');
  }

  agencies(regionCode: string): Observable<AgencyView[]> {
    return this.api.get<AgencyView[]>('/agencies', { regionCode });
  }

  taskForces(regionCode: string): Observable<TaskForceView[]> {
    return this.api.get<TaskForceView[]>('/task-forces', { regionCode });
  }
}
