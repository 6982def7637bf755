import { Injectable, inject, signal } from '@angular/core';
import type { NotificationView } from '@sinergi/contracts';
import { Observable, tap } from 'rxjs';
import { Api, seg } from './api';
import { AuthStore } from './auth.store';

/** `GET /api/notifications/unread-count`. Not in @sinergi/contracts. */
export interface UnreadCount {
  count: number;
}

/**
 * The signed-in user's notifications: the unread count for the bell (polled by the top bar and
 * refreshed after every action of the plan screens) and the list for its panel.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly api = inject(Api);
  private readonly auth = inject(AuthStore);

  readonly unread = signal(0);
  private inFlight = false;

  /** Re-counts unread notifications; failures leave the last count (the bell is not worth an error). */
  refresh(): void {
    if (this.inFlight || !this.auth.token()) return;
    this.inFlight = true;
    this.api.get<UnreadCount>('/notifications/unread-count').subscribe({
      next: (r) => {
        this.inFlight = false;
        this.unread.set(typeof r?.count === 'number' ? r.count : 0);
      },
      error: () => (this.inFlight = false),
    });
  }

  list(): Observable<NotificationView[]> {
    return this.api.get<NotificationView[]>('/notifications');
  }

  markRead(id: string): Observable<unknown> {
    return this.api.post<unknown>(`/notifications/${seg(id)}/read`).pipe(tap(() => this.refresh()));
  }

  markAllRead(): Observable<unknown> {
    return this.api.post<unknown>('/notifications/read-all').pipe(tap(() => this.unread.set(0)));
  }
}
