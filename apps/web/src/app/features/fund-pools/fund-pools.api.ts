import { Injectable, inject } from '@angular/core';
import type {
  AgencyView,
  ContributionRequest,
  CreateFundPoolRequest,
  DrawdownRequest,
  DrawdownStatus,
  DrawdownView,
  FundPoolSummary,
  FundPoolView,
  LedgerEntryView,
  PoolApprover,
  PoolBalances,
  PoolTotals,
  StrategyView,
} from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, seg } from '../../core/api';

/* Shapes of the fund-pool routes that @sinergi/contracts does not name. */

export interface PoolQuery {
  regionCode?: string;
  fiscalYear?: number | '';
}

export interface DrawdownQuery {
  status?: DrawdownStatus | '';
  requestingAgencyId?: string;
}

/** `PATCH /api/fund-pools/:id`: any of the rules, with the `version` last read; `maxPerDrawdown: null` lifts the limit. */
export interface UpdatePoolRulesRequest {
  version: number;
  maxPerDrawdown?: string | number | null;
  eligibleStrategies?: number[];
  approver?: PoolApprover;
  reservePercent?: number;
}

/** `POST /api/drawdowns/:id/settle`: the proof of spending; `file` is optional. */
export interface SettleForm {
  documentNumber: string;
  /** ISO date `2026-03-14`. */
  date: string;
  file?: File | null;
}

/** A movement of money answers with the entry and the pool's balances after it. */
export interface MoneyMoved {
  id: string;
  balances: PoolBalances;
}

export interface DrawdownDecision {
  status: DrawdownStatus;
}

/** The tactical fund endpoints (API-CONTRACT.md "Tactical fund pools"; apps/api/src/fund-pools). */
@Injectable({ providedIn: 'root' })
export class FundPoolsApi {
  private readonly api = inject(Api);

  // Pools
  list(query: PoolQuery = {}): Observable<FundPoolSummary[]> {
    return this.api.get<FundPoolSummary[]>('/fund-pools', { regionCode: query.regionCode, fiscalYear: query.fiscalYear });
  }

  get(id: string): Observable<FundPoolView> {
    return this.api.get<FundPoolView>(`/fund-pools/${seg(id)}`);
  }

  create(body: CreateFundPoolRequest): Observable<{ id: string }> {
    return this.api.post<{ id: string }>('/fund-pools', body);
  }

  /** 409 when `version` is stale. */
  updateRules(id: string, body: UpdatePoolRulesRequest): Observable<FundPoolView> {
    return this.api.patch<FundPoolView>(`/fund-pools/${seg(id)}`, body);
  }

  contribute(poolId: string, body: ContributionRequest): Observable<MoneyMoved> {
    return this.api.post<MoneyMoved>(`/fund-pools/${seg(poolId)}/contributions`, body);
  }

  requestDrawdown(poolId: string, body: DrawdownRequest): Observable<{ id: string; status: DrawdownStatus }> {
    return this.api.post<{ id: string; status: DrawdownStatus }>(`/fund-pools/${seg(poolId)}/drawdowns`, body);
  }

  /** Newest first. */
  drawdowns(poolId: string, query: DrawdownQuery = {}): Observable<DrawdownView[]> {
    return this.api.get<DrawdownView[]>(`/fund-pools/${seg(poolId)}/drawdowns`, {
      status: query.status,
      requestingAgencyId: query.requestingAgencyId,
    });
  }

  /** Oldest first, each entry with the balances after it. */
  ledger(poolId: string): Observable<LedgerEntryView[]> {
    return this.api.get<LedgerEntryView[]>(`/fund-pools/${seg(poolId)}/ledger`);
  }

  totals(poolId: string): Observable<PoolTotals> {
    return this.api.get<PoolTotals>(`/fund-pools/${seg(poolId)}/totals`);
  }

  /** Undoes a PLEDGE, RECEIPT or DISBURSE entry (a correction or a refund); the note says why. */
  reverse(poolId: string, entryId: string, note: string): Observable<MoneyMoved> {
    return this.api.post<MoneyMoved>(`/fund-pools/${seg(poolId)}/ledger/${seg(entryId)}/reverse`, { note });
  }

  /** Year end: the available balance moves to next year's pool (created when missing). */
  carryOver(poolId: string): Observable<{ poolId: string; amount: string }> {
    return this.api.post<{ poolId: string; amount: string }>(`/fund-pools/${seg(poolId)}/carry-over`);
  }

  /** The statement workbook (`statement.xlsx`), read with the bearer token. */
  statement(poolId: string): Observable<Blob> {
    return this.api.download(`/fund-pools/${seg(poolId)}/statement.xlsx`);
  }

  // Drawdowns
  drawdown(id: string): Observable<DrawdownView> {
    return this.api.get<DrawdownView>(`/drawdowns/${seg(id)}`);
  }

  /** 422 INSUFFICIENT_FUNDS when the pool cannot cover it (the reserve is kept unless emergency). */
  approve(id: string): Observable<DrawdownDecision> {
    return this.api.post<DrawdownDecision>(`/drawdowns/${seg(id)}/approve`);
  }

  reject(id: string, reason: string): Observable<DrawdownDecision> {
    return this.api.post<DrawdownDecision>(`/drawdowns/${seg(id)}/reject`, { reason });
  }

  disburse(id: string): Observable<DrawdownDecision> {
    return this.api.post<DrawdownDecision>(`/drawdowns/${seg(id)}/disburse`);
  }

  /** Multipart: `documentNumber`, `date` and the optional `file`. */
  settle(id: string, body: SettleForm): Observable<DrawdownDecision> {
    const form = new FormData();
    form.append('documentNumber', body.documentNumber);
    form.append('date', body.date);
    if (body.file) form.append('file', body.file, body.file.name);
    return this.api.postForm<DrawdownDecision>(`/drawdowns/${seg(id)}/settle`, form);
  }

  cancel(id: string): Observable<DrawdownDecision> {
    return this.api.post<DrawdownDecision>(`/drawdowns/${seg(id)}/cancel`);
  }

  /** The settlement's proof file. */
  proof(id: string): Observable<Blob> {
    return this.api.download(`/drawdowns/${seg(id)}/proof`);
  }

  // Reference data the pool screens need
  agencies(regionCode: string): Observable<AgencyView[]> {
    return this.api.get<AgencyView[]>('/agencies', { regionCode });
  }

  agency(id: string): Observable<AgencyView> {
    return this.api.get<AgencyView>(`/agencies/${seg(id)}`);
  }

  strategies(): Observable<StrategyView[]> {
    return this.api.get<StrategyView[]>('/strategies');
  }
}
