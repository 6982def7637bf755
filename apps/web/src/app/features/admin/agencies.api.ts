import { Injectable, inject } from '@angular/core';
import type { AgencyKind, AgencyView, CreateAgencyRequest } from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, seg } from '../../core/api';

/** `PATCH /api/agencies/:id` body. Not in @sinergi/contracts yet. */
export interface UpdateAgencyRequest {
  version: number;
  name?: string;
  shortName?: string;
  kind?: AgencyKind;
  mandates?: string[];
}

@Injectable({ providedIn: 'root' })
export class AgenciesApi {
  private readonly api = inject(Api);

  /** Without `regionCode` the server decides what to list (used to find the signed-in user's agency). */
  list(regionCode?: string): Observable<AgencyView[]> {
    return this.api.get<AgencyView[]>('/agencies', { regionCode });
  }

  create(body: CreateAgencyRequest): Observable<AgencyView> {
    return this.api.post<AgencyView>('/agencies', body);
  }

  update(id: string, body: UpdateAgencyRequest): Observable<AgencyView> {
    return this.api.patch<AgencyView>(`/agencies/${seg(id)}`, body);
  }
}
