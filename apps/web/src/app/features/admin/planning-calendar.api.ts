import { Injectable, inject } from '@angular/core';
import type { CalendarStepView } from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api, seg } from '../../core/api';

/** `PATCH /api/planning-calendar/:id` body: `version` and only the fields that changed. Not in @sinergi/contracts yet. */
export interface UpdateCalendarStepRequest {
  version: number;
  name?: string;
  document?: string;
  /** 1–12. */
  startsMonth?: number;
  /** 1–12, not before `startsMonth`. */
  endsMonth?: number;
  /** −2..0; −1 = the year before the fiscal year planned. */
  yearOffset?: number;
}

/** The planning calendar the gap report's deadlines come from (read by everyone, changed by admins). */
@Injectable({ providedIn: 'root' })
export class PlanningCalendarApi {
  private readonly api = inject(Api);

  /** Ordered by position. */
  steps(): Observable<CalendarStepView[]> {
    return this.api.get<CalendarStepView[]>('/planning-calendar');
  }

  /** 409 `CONFLICT` on a stale `version`; 400 `VALIDATION_FAILED` with `[{path, message}]`. */
  update(id: string, body: UpdateCalendarStepRequest): Observable<CalendarStepView> {
    return this.api.patch<CalendarStepView>(`/planning-calendar/${seg(id)}`, body);
  }
}
