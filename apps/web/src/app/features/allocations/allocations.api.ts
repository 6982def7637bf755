import { Injectable, inject } from '@angular/core';
import type {
  AgencyView,
  AllocationRequest,
  AllocationView,
  ApbdesImportResult,
  AuditEntryView,
  BudgetCodeKind,
  BudgetCodeView,
  BudgetLineView,
  BudgetStage,
  FundSourceView,
  ImportError,
  MigrationResult,
  TaggingCoverage,
  TagRequest,
  UpdateTagRequest,
  VillageActivityView,
  VillageApbdesLine,
} from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, seg } from '../../core/api';

/** PATCH /api/budget-lines/:id/realised: the line's `version`, money as digit strings, `null` clears a quarter. */
export interface RealisedRequest {
  version: number;
  q1?: string | null;
  q2?: string | null;
  q3?: string | null;
  q4?: string | null;
}

/** POST /api/plans/:id/allocations/import: the sheet, for this agency; `dryRun` checks without saving. */
export interface AllocationSheetRequest {
  file: File;
  agencyId: string;
  dryRun: boolean;
}

/** What an allocation sheet upload did (or would do): lines created, changed, and rows already as saved. */
export interface AllocationSheetResult {
  valid: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
}

/** The allocation endpoints (API-CONTRACT.md "Allocations" and the routes around it). */
@Injectable({ providedIn: 'root' })
export class AllocationsApi {
  private readonly api = inject(Api);

  /** Creates the line (or records its new stage) and tags it to the activity → `{ id }` of the tag. */
  allocate(activityId: string, body: AllocationRequest): Observable<{ id: string; lineId: string }> {
    return this.api.post(`/activities/${seg(activityId)}/allocations`, body);
  }

  forActivity(activityId: string): Observable<AllocationView[]> {
    return this.api.get<AllocationView[]>(`/activities/${seg(activityId)}/allocations`);
  }

  /** Ranked sub kegiatan (APBD) or APBDes kegiatan for the activity, with `inMandate` for APBD. */
  suggestions(activityId: string, kind: BudgetCodeKind, limit = 8): Observable<BudgetCodeView[]> {
    return this.api.get<BudgetCodeView[]>(`/activities/${seg(activityId)}/suggestions`, { kind, limit });
  }

  updateTag(tagId: string, body: UpdateTagRequest): Observable<AllocationView> {
    return this.api.patch<AllocationView>(`/allocations/${seg(tagId)}`, body);
  }

  /** Removes the tag; the budget line stays. */
  deleteTag(tagId: string): Observable<void> {
    return this.api.delete<void>(`/allocations/${seg(tagId)}`);
  }

  lines(query: { agencyId?: string; villageCode?: string; planId?: string; fiscalYear?: number }): Observable<BudgetLineView[]> {
    return this.api.get<BudgetLineView[]>('/budget-lines', query);
  }

  line(id: string): Observable<BudgetLineView> {
    return this.api.get<BudgetLineView>(`/budget-lines/${seg(id)}`);
  }

  lineHistory(id: string): Observable<AuditEntryView[]> {
    return this.api.get<AuditEntryView[]>(`/budget-lines/${seg(id)}/history`);
  }

  /** A line without a tag (APBD or APBDES). */
  createLine(body: AllocationRequest): Observable<BudgetLineView> {
    return this.api.post<BudgetLineView>('/budget-lines', body);
  }

  recordStage(lineId: string, stage: BudgetStage, amount: string): Observable<BudgetLineView> {
    return this.api.post<BudgetLineView>(`/budget-lines/${seg(lineId)}/stages`, { stage, amount });
  }

  /** Realised amounts per quarter of the line (`null` clears a quarter); 409 when `version` is stale. */
  setRealised(lineId: string, body: RealisedRequest): Observable<BudgetLineView> {
    return this.api.patch<BudgetLineView>(`/budget-lines/${seg(lineId)}/realised`, body);
  }

  tagLine(lineId: string, body: TagRequest): Observable<{ id: string }> {
    return this.api.post<{ id: string }>(`/budget-lines/${seg(lineId)}/tags`, body);
  }

  villageApbdes(code: string, fiscalYear?: number): Observable<VillageApbdesLine[]> {
    return this.api.get<VillageApbdesLine[]>(`/villages/${seg(code)}/apbdes`, { fiscalYear });
  }

  villageActivities(code: string): Observable<VillageActivityView[]> {
    return this.api.get<VillageActivityView[]>(`/villages/${seg(code)}/activities`);
  }

  /** A Siskeudes export (.zip of CSV tables) as the desa's APBDes lines: `dryRun` checks and writes nothing (200), else 201. */
  importSiskeudes(code: string, file: File, dryRun: boolean): Observable<ApbdesImportResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.api.postForm<ApbdesImportResult>(`/villages/${seg(code)}/apbdes/import?dryRun=${dryRun ? 'true' : 'false'}`, form);
  }

  coverage(planId: string): Observable<TaggingCoverage> {
    return this.api.get<TaggingCoverage>(`/plans/${seg(planId)}/tagging-coverage`);
  }

  /** The agency's activities × years of the plan as the allocation sheet (drop-downs), prefilled with its lines. */
  allocationSheet(planId: string, agencyId: string): Observable<Blob> {
    return this.api.download(`/plans/${seg(planId)}/allocations/template.xlsx`, { agencyId });
  }

  /** The filled-in allocation sheet: a dry run counts what would change; any row error is a 422 IMPORT_INVALID (nothing written). */
  importAllocationSheet(planId: string, request: AllocationSheetRequest): Observable<AllocationSheetResult> {
    const form = new FormData();
    form.append('agencyId', request.agencyId);
    // The file last: the fields arrive before multer reads the bytes.
    form.append('file', request.file, request.file.name);
    return this.api.postForm<AllocationSheetResult>(`/plans/${seg(planId)}/allocations/import?dryRun=${request.dryRun}`, form);
  }

  migrateRetired(planId: string): Observable<MigrationResult> {
    return this.api.post<MigrationResult>(`/plans/${seg(planId)}/retired-codes/migrate`);
  }

  fundSources(): Observable<FundSourceView[]> {
    return this.api.get<FundSourceView[]>('/fund-sources');
  }

  /** One agency (the owner of the grid's budget lines): name and region. */
  agency(id: string): Observable<AgencyView> {
    return this.api.get<AgencyView>(`/agencies/${seg(id)}`);
  }
}
