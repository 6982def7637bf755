import { Injectable, computed, inject, signal } from '@angular/core';
import type { ActivityView, AgencyView, PlanView } from '@sinergi/contracts';
import { Observable, catchError, firstValueFrom, forkJoin, map, of, tap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { I18n } from '../../core/i18n';
import { NotificationsService } from '../../core/notifications';
import {
  PARTICIPANT_ROLES,
  canPlan,
  findActivity,
  isDeletableStatus,
  isEditableStatus,
  periodYears,
  provinceOf,
  withActivity,
} from './plan-utils';
import { PlansApi } from './plans.api';

export type PlanState =
  | { status: 'loading' }
  | { status: 'ok'; plan: PlanView }
  | { status: 'error'; error: ApiError };

/**
 * The plan being worked on, shared by the plan page and its tabs (provided by the page): the plan
 * itself, the agencies of its region and province, and what the signed-in user may do with it.
 */
@Injectable()
export class PlanStore {
  private readonly api = inject(PlansApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);
  private readonly notifications = inject(NotificationsService);

  readonly state = signal<PlanState>({ status: 'loading' });
  readonly refreshing = signal(false);
  readonly agencies = signal<AgencyView[]>([]);
  /** Polite announcement for screen readers and a visible notice under the header. */
  readonly notice = signal<{ text: string; kind: 'success' | 'warning' } | null>(null);
  /** Bumped after a change that other tabs may show (a proposal accepted, a round opened). */
  readonly changes = signal(0);

  private id: string | null = null;
  private agenciesRegion: string | null = null;

  readonly plan = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.plan : null;
  });
  readonly years = computed(() => {
    const p = this.plan();
    return p ? periodYears(p) : [];
  });
  readonly agencyById = computed(() => new Map(this.agencies().map((a) => [a.id, a])));
  readonly user = this.auth.user;

  /** Planner of the plan's region, or admin. */
  readonly isPlanner = computed(() => {
    const p = this.plan();
    return !!p && canPlan(this.auth.user(), p.regionCode);
  });
  readonly canEdit = computed(() => {
    const p = this.plan();
    return !!p && this.isPlanner() && isEditableStatus(p.status);
  });
  readonly canDelete = computed(() => {
    const p = this.plan();
    return !!p && this.isPlanner() && isDeletableStatus(p.status);
  });
  readonly canParticipate = computed(() => {
    const role = this.auth.role();
    return role !== null && PARTICIPANT_ROLES.includes(role);
  });
  /** The plan's activities may still change (draft, consultation, revision). */
  readonly openForChange = computed(() => {
    const p = this.plan();
    return !!p && isEditableStatus(p.status);
  });
  /** Members propose while the plan is still open to change. */
  readonly acceptsProposals = computed(() => {
    const p = this.plan();
    return !!p && this.canParticipate() && isEditableStatus(p.status);
  });

  load(id: string): void {
    if (this.id !== id) {
      this.id = id;
      this.state.set({ status: 'loading' });
      this.notice.set(null);
    }
    this.fetch().subscribe();
  }

  /** Reads the plan again, keeping the current one on screen meanwhile. */
  reload(): Promise<PlanView | null> {
    return firstValueFrom(this.fetch());
  }

  private fetch(): Observable<PlanView | null> {
    const id = this.id;
    if (!id) return of(null);
    this.refreshing.set(true);
    return this.api.get(id).pipe(
      tap((plan) => {
        if (this.id !== id) return;
        this.refreshing.set(false);
        this.state.set({ status: 'ok', plan });
        this.loadAgencies(plan.regionCode);
      }),
      catchError((error: ApiError) => {
        this.refreshing.set(false);
        if (this.id === id && this.state().status !== 'ok') this.state.set({ status: 'error', error });
        return of(null);
      }),
    );
  }

  /** Agencies of the plan's region and of its province (vertical offices, universities). */
  private loadAgencies(regionCode: string): void {
    if (this.agenciesRegion === regionCode) return;
    this.agenciesRegion = regionCode;
    const province = provinceOf(regionCode);
    forkJoin([
      this.api.agencies(regionCode).pipe(catchError(() => of<AgencyView[]>([]))),
      province ? this.api.agencies(province).pipe(catchError(() => of<AgencyView[]>([]))) : of<AgencyView[]>([]),
    ])
      .pipe(
        map(([own, prov]) => {
          const byId = new Map<string, AgencyView>();
          for (const a of [...own, ...prov]) byId.set(a.id, a);
          return [...byId.values()].sort((a, b) => (a.shortName || a.name).localeCompare(b.shortName || b.name, 'id'));
        }),
      )
      .subscribe((list) => this.agencies.set(list));
  }

  setPlan(plan: PlanView): void {
    this.state.set({ status: 'ok', plan });
  }

  activity(id: string): ActivityView | null {
    return findActivity(this.plan(), id);
  }

  /** Puts a saved activity in place and recomputes the subtotals; null removes it. */
  applyActivity(id: string, next: ActivityView | null): void {
    const plan = this.plan();
    if (plan) this.state.set({ status: 'ok', plan: withActivity(plan, id, next) });
  }

  agencyName(id: string | undefined): string {
    if (!id) return '–';
    const a = this.agencyById().get(id);
    return a ? a.shortName || a.name : this.i18n.t('plan.agencyUnknown');
  }

  agencyFullName(id: string | undefined): string {
    if (!id) return '–';
    return this.agencyById().get(id)?.name ?? this.i18n.t('plan.agencyUnknown');
  }

  strategyName(code: number): string {
    const s = this.plan()?.strategies.find((x) => x.code === code);
    if (!s) return String(code);
    return `${code}. ${this.i18n.lang() === 'en' && s.nameEn ? s.nameEn : s.name}`;
  }

  say(text: string, kind: 'success' | 'warning' = 'success'): void {
    this.notice.set({ text, kind });
  }

  /** After a write: other tabs re-read, the bell re-counts. */
  changed(): void {
    this.changes.update((n) => n + 1);
    this.notifications.refresh();
  }
}
