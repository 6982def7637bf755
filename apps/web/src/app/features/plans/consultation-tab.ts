import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { ConsultationParticipation, ConsultationRoundView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { AGENCY_KIND_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { PlanStore } from './plan-store';
import { fieldLabel, isoDate } from './plan-utils';
import { PlansApi } from './plans.api';

type RoundsState = { status: 'loading' } | { status: 'ok'; items: ConsultationRoundView[] } | { status: 'error'; error: ApiError };
type ParticipationState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; items: ConsultationParticipation[] }
  | { status: 'error'; error: ApiError };

const DEFAULT_DAYS = 14;

/** For planners: consultation rounds (open, close) and who took part in each. */
@Component({
  selector: 'app-consultation-tab',
  imports: [TPipe, Icon, ErrorAlert, FormatDatePipe, ConfirmDialog, DataTable, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consultation-tab.html',
  styleUrl: './consultation-tab.css',
})
export class ConsultationTab {
  protected readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  protected readonly kindLabel = AGENCY_KIND_LABEL;
  protected readonly roundColumns: readonly TableColumn[] = [
    'round.col.number', 'round.col.period', 'round.col.status', num('round.col.invited'),
  ];
  protected readonly participationColumns: readonly TableColumn[] = [
    'round.col.agency', 'admin.agencies.kind', num('round.col.proposals'), num('round.col.comments'), num('round.col.endorsements'),
  ];
  protected readonly rounds = signal<RoundsState>({ status: 'loading' });
  private readonly reloads = signal(0);
  protected readonly selected = signal<string | null>(null);
  protected readonly participation = signal<ParticipationState>({ status: 'none' });

  protected readonly openRound = computed(() => {
    const s = this.rounds();
    return s.status === 'ok' ? (s.items.find((r) => r.status === 'open') ?? null) : (this.store.plan()?.openRound ?? null);
  });
  protected readonly canOpen = computed(() => this.store.isPlanner() && this.store.openForChange() && !this.openRound());
  protected readonly selectedRound = computed(() => {
    const s = this.rounds();
    if (s.status !== 'ok' || !s.items.length) return null;
    const id = this.selected();
    return s.items.find((r) => r.id === id) ?? s.items.find((r) => r.status === 'open') ?? [...s.items].sort((a, b) => b.number - a.number)[0];
  });
  protected readonly summary = computed(() => {
    const p = this.participation();
    if (p.status !== 'ok') return null;
    const active = p.items.filter((x) => !this.idle(x)).length;
    return this.i18n.t('round.participation.summary', { active, total: p.items.length });
  });

  // Open-round form
  protected readonly opening = signal(false);
  protected readonly opensOn = signal('');
  protected readonly closesOn = signal('');
  protected readonly invited = signal<ReadonlySet<string>>(new Set());
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));
  protected readonly shownFields: readonly string[] = ['opensOn', 'closesOn', 'invitedAgencyIds'];

  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly closeHeading = computed(() => this.i18n.t('round.close.title', { n: this.openRound()?.number ?? '' }));
  protected readonly closeMessage = computed(() => this.i18n.t('round.close.text'));

  protected readonly problems = computed(() => {
    const p: Record<string, string> = {};
    const date = /^\d{4}-\d{2}-\d{2}$/;
    if (!date.test(this.opensOn())) p['opensOn'] = this.i18n.t('round.form.dateRequired');
    if (!date.test(this.closesOn())) p['closesOn'] = this.i18n.t('round.form.dateRequired');
    else if (!p['opensOn'] && this.closesOn() < this.opensOn()) p['closesOn'] = this.i18n.t('round.form.closeBeforeOpen');
    if (this.invited().size === 0) p['invitedAgencyIds'] = this.i18n.t('round.form.inviteSomeone');
    return p;
  });

  constructor() {
    const planId = computed(() => this.store.plan()?.id ?? null);
    toObservable(computed(() => ({ id: planId(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<RoundsState> => {
          if (!id) return of<RoundsState>({ status: 'loading' });
          const request = this.api.rounds(id).pipe(
            map((items): RoundsState => ({ status: 'ok', items: [...items].sort((a, b) => b.number - a.number) })),
            catchError((error: ApiError) => of<RoundsState>({ status: 'error', error })),
          );
          return this.rounds().status === 'ok' ? request : concat(of<RoundsState>({ status: 'loading' }), request);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.rounds.set(s));

    toObservable(computed(() => ({ id: this.selectedRound()?.id ?? null, n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<ParticipationState> =>
          !id
            ? of<ParticipationState>({ status: 'none' })
            : concat(
                of<ParticipationState>({ status: 'loading' }),
                this.api.participation(id).pipe(
                  map((items): ParticipationState => ({ status: 'ok', items })),
                  catchError((error: ApiError) => of<ParticipationState>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.participation.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected idle(p: ConsultationParticipation): boolean {
    return p.proposals === 0 && p.comments === 0 && p.endorsements === 0;
  }

  protected invitedCount(r: ConsultationRoundView): number {
    return r.invitedAgencyIds?.length ?? 0;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fieldError(field: string): string | null {
    const server = this.formError()?.fieldError(field);
    if (server) return server;
    return this.attempted() ? (this.problems()[field] ?? null) : null;
  }

  protected openForm(): void {
    const today = new Date();
    const close = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DEFAULT_DAYS);
    this.opensOn.set(isoDate(today));
    this.closesOn.set(isoDate(close));
    this.attempted.set(false);
    this.formError.set(null);
    // Invite the task force's members by default; every agency when the region has no task force.
    const agencies = this.store.agencies();
    this.invited.set(new Set(agencies.map((a) => a.id)));
    const plan = this.store.plan();
    if (plan) {
      this.api.taskForces(plan.regionCode).subscribe({
        next: (forces) => {
          const members = new Set(forces.flatMap((f) => f.members.map((m) => m.agencyId)));
          if (members.size && this.opening()) this.invited.set(new Set(agencies.filter((a) => members.has(a.id)).map((a) => a.id)));
        },
        error: () => undefined,
      });
    }
    this.opening.set(true);
    setTimeout(() => document.getElementById('round-opens')?.focus());
  }

  protected toggleInvite(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.invited.update((set) => {
      const next = new Set(set);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected inviteAll(all: boolean): void {
    this.invited.set(new Set(all ? this.store.agencies().map((a) => a.id) : []));
  }

  protected submit(): void {
    this.attempted.set(true);
    this.formError.set(null);
    const first = Object.keys(this.problems())[0];
    if (first) {
      const ids: Record<string, string> = { opensOn: 'round-opens', closesOn: 'round-closes', invitedAgencyIds: 'round-invite-all' };
      document.getElementById(ids[first])?.focus();
      return;
    }
    const plan = this.store.plan();
    if (!plan) return;
    this.saving.set(true);
    this.api.openRound(plan.id, { opensOn: this.opensOn(), closesOn: this.closesOn(), invitedAgencyIds: [...this.invited()] }).subscribe({
      next: (round) => {
        this.saving.set(false);
        this.opening.set(false);
        this.selected.set(round?.id ?? null);
        this.store.say(this.i18n.t('round.opened', { n: round?.number ?? '' }));
        // Opening a round on a draft moves the plan to consultation.
        void this.store.reload();
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.formError.set(error);
      },
    });
  }

  protected async closeRound(round: ConsultationRoundView): Promise<void> {
    if (!(await this.confirm().open())) return;
    this.actionError.set(null);
    this.api.closeRound(round.id).subscribe({
      next: () => {
        this.store.say(this.i18n.t('round.closed', { n: round.number }));
        void this.store.reload();
        this.store.changed();
      },
      error: (error: ApiError) => this.actionError.set(error),
    });
  }
}
