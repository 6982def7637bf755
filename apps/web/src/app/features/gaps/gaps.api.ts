import { Injectable, inject } from '@angular/core';
import type { GapQuery, GapReport } from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, QueryParams, seg } from '../../core/api';

/** The filters of the report besides the year (the page keeps them in the URL under the same names). */
export type GapFilters = Omit<GapQuery, 'fiscalYear'>;

/** A report request: without `fiscalYear` the server picks this year when the plan covers it, else its first. */
export type GapRequest = GapFilters & { fiscalYear?: number };

function params(query: GapRequest): QueryParams {
  return {
    fiscalYear: query.fiscalYear,
    strategyCode: query.strategyCode,
    agencyId: query.agencyId,
    regionCode: query.regionCode,
    flag: query.flag,
  };
}

/** The gap analysis endpoints (API-CONTRACT.md "Gaps"). */
@Injectable({ providedIn: 'root' })
export class GapsApi {
  private readonly api = inject(Api);

  /** `GET /api/plans/:id/gaps`: need against allocation per activity for one fiscal year, with roll-ups. */
  report(planId: string, query: GapRequest): Observable<GapReport> {
    return this.api.get<GapReport>(`/plans/${seg(planId)}/gaps`, params(query));
  }

  /** `GET /api/plans/:id/gaps.xlsx` with the same filters: the report as a workbook. */
  workbook(planId: string, query: GapRequest): Observable<Blob> {
    return this.api.download(`/plans/${seg(planId)}/gaps.xlsx`, params(query));
  }
}
