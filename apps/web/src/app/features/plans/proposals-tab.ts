import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivityInput, PROPOSAL_STATUSES, ProposalStatus, ProposalView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { errorMessage } from '../../core/error-messages';
import { formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { ActivityForm, ActivityFormValue } from './activity-form';
import { PlanStore } from './plan-store';
import { PROPOSAL_STATUS_LABEL, endorserKeyOf, fieldLabel, sumDigits } from './plan-utils';
import { PlansApi } from './plans.api';
import { ProposalAction, ProposalItem } from './proposal-item';

type ListState = { status: 'loading' } | { status: 'ok'; items: ProposalView[] } | { status: 'error'; error: ApiError };

/** The actions that ask first. */
type Confirmed = 'withdraw' | 'unendorse';
const CONFIRM_TEXT: Record<Confirmed, { heading: TKey; message: TKey; confirm: TKey }> = {
  withdraw: { heading: 'proposal.withdraw.title', message: 'proposal.withdraw.text', confirm: 'proposal.withdraw' },
  unendorse: { heading: 'proposal.unendorse.title', message: 'proposal.unendorse.text', confirm: 'proposal.unendorse' },
};

/** Proposals for new activities and amendments, with endorsements, comments and the planner's decisions. */
@Component({
  selector: 'app-proposals-tab',
  imports: [TPipe, Icon, ErrorAlert, ActivityForm, ProposalItem, ConfirmDialog, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './proposals-tab.html',
  styleUrl: './proposals-tab.css',
})
export class ProposalsTab {
  protected readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  protected readonly statuses = PROPOSAL_STATUSES;
  protected readonly statusLabel = PROPOSAL_STATUS_LABEL;
  protected readonly filter = signal<ProposalStatus | ''>('');
  private readonly reloads = signal(0);
  protected readonly state = signal<ListState>({ status: 'loading' });
  protected readonly carriedIn = signal<ProposalView[]>([]);

  protected readonly proposing = signal(false);
  /** A carried-in proposal being put to this plan again (its fields prefill the form). */
  protected readonly reproposing = signal<ProposalView | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected readonly busy = signal<{ id: string; action: ProposalAction } | null>(null);
  protected readonly messages = signal<Record<string, { text: string; kind: 'error' | 'success' | 'info' }>>({});

  // Reject / carry-over dialog
  private readonly decisionDialog = viewChild<ElementRef<HTMLDialogElement>>('decisionDialog');
  protected readonly deciding = signal<{ proposal: ProposalView; kind: 'reject' | 'carry' } | null>(null);
  protected readonly reason = signal('');
  protected readonly carryTarget = signal<'year' | 'nextPlan'>('year');
  protected readonly carryYear = signal<number>(0);
  protected readonly decisionAttempted = signal(false);
  protected readonly decisionError = signal<ApiError | null>(null);
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));

  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly confirming = signal<Confirmed>('withdraw');
  protected readonly confirmText = computed(() => CONFIRM_TEXT[this.confirming()]);
  protected readonly confirmHeading = computed(() => this.i18n.t(this.confirmText().heading));
  protected readonly confirmMessage = computed(() => this.i18n.t(this.confirmText().message));

  /** The form's fields from the carried-in proposal; costs of years outside this plan's period are left out. */
  protected readonly reproposal = computed(() => {
    const p = this.reproposing();
    const plan = this.store.plan();
    if (!p || !plan) return null;
    const inPeriod = (year: string) => Number(year) >= plan.startYear && Number(year) <= plan.endYear;
    const costs = p.changes.costs ?? {};
    const dropped = Object.keys(costs).filter((y) => !inPeriod(y) && /^\d+$/.test(costs[y]) && BigInt(costs[y]) > 0n).sort();
    const title = p.changes.title ?? '–';
    return {
      changes: p.changes as Partial<ActivityInput>,
      rationale: p.rationale ?? '',
      heading: this.i18n.t('proposal.repropose.heading', { title }),
      intro: this.i18n.t('proposal.repropose.intro', { title, name: p.proposer.agencyName ?? p.proposer.name }),
      dropped: dropped.length
        ? this.i18n.t('proposal.repropose.dropped', {
            years: dropped.join(', '),
            amount: formatMoney(sumDigits(dropped.map((y) => costs[y]))),
            start: plan.startYear,
            end: plan.endYear,
          })
        : null,
    };
  });

  protected readonly countText = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? this.i18n.plural('proposal.count.one', 'proposal.count.other', s.items.length) : '';
  });
  /** Years a proposal can be carried to: this plan's later years and the one after it. */
  protected readonly carryYears = computed(() => {
    const plan = this.store.plan();
    if (!plan) return [];
    const from = Math.max(plan.startYear, new Date().getFullYear());
    const years: number[] = [];
    for (let y = from; y <= plan.endYear + 1; y++) years.push(y);
    return years;
  });

  constructor() {
    const plan = computed(() => this.store.plan()?.id ?? null);
    toObservable(computed(() => ({ id: plan(), status: this.filter(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id, status }): Observable<ListState> => {
          if (!id) return of<ListState>({ status: 'loading' });
          const keep = this.state().status === 'ok';
          const request = this.api.proposals(id, status).pipe(
            map((items): ListState => ({ status: 'ok', items: [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) })),
            catchError((error: ApiError) => of<ListState>({ status: 'error', error })),
          );
          return keep ? request : concat(of<ListState>({ status: 'loading' }), request);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));

    toObservable(computed(() => ({ id: plan(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }) => (id ? this.api.carriedIn(id).pipe(catchError(() => of<ProposalView[]>([]))) : of<ProposalView[]>([]))),
        takeUntilDestroyed(),
      )
      .subscribe((items) => this.carriedIn.set(items));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected onFilter(event: Event): void {
    this.filter.set((event.target as HTMLSelectElement).value as ProposalStatus | '');
  }

  protected openPropose(): void {
    this.formError.set(null);
    this.reproposing.set(null);
    this.proposing.set(true);
  }

  protected openRepropose(p: ProposalView): void {
    this.formError.set(null);
    this.reproposing.set(p);
    this.proposing.set(true);
    setTimeout(() => document.getElementById('proposal-form-card')?.scrollIntoView({ block: 'start' }));
    setTimeout(() => document.getElementById('proposal-strategy')?.focus({ preventScroll: true }));
  }

  protected closePropose(): void {
    const from = this.reproposing();
    this.proposing.set(false);
    this.reproposing.set(null);
    const back = from ? `[data-proposal-id="${from.id}"] [data-testid=proposal-repropose]` : '[data-testid=propose-activity]';
    setTimeout(() => document.querySelector<HTMLElement>(back)?.focus());
  }

  protected sendProposal(value: ActivityFormValue): void {
    const plan = this.store.plan();
    if (!plan) return;
    this.saving.set(true);
    this.formError.set(null);
    this.api
      .propose(plan.id, { kind: 'new_activity', changes: value.full, ...(value.rationale ? { rationale: value.rationale } : {}) })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.proposing.set(false);
          this.reproposing.set(null);
          this.store.say(this.i18n.t('proposal.sent.new', { title: value.full.title }));
          this.store.changed();
          setTimeout(() => document.querySelector<HTMLElement>('[data-testid=propose-activity]')?.focus());
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.formError.set(error);
        },
      });
  }

  private say(id: string, text: string, kind: 'error' | 'success' | 'info'): void {
    this.messages.update((m) => ({ ...m, [id]: { text, kind } }));
  }

  private replace(updated: ProposalView | null | undefined, id: string, patch?: Partial<ProposalView>): void {
    const s = this.state();
    if (s.status !== 'ok') return;
    this.state.set({
      status: 'ok',
      items: s.items.map((p) => (p.id === id ? (updated && updated.id ? updated : { ...p, ...patch }) : p)),
    });
  }

  protected async onAction(p: ProposalView, action: ProposalAction): Promise<void> {
    this.messages.update(({ [p.id]: _, ...rest }) => rest);
    switch (action) {
      case 'endorse':
        return this.endorse(p);
      case 'accept':
        return this.accept(p);
      case 'withdraw':
      case 'unendorse': {
        this.confirming.set(action);
        if (!(await this.confirm().open())) return;
        return action === 'withdraw' ? this.withdraw(p) : this.unendorse(p);
      }
      case 'repropose':
        return this.openRepropose(p);
      case 'reject':
      case 'carry':
        return this.openDecision(p, action);
    }
  }

  private endorse(p: ProposalView): void {
    this.busy.set({ id: p.id, action: 'endorse' });
    this.api.endorse(p.id).subscribe({
      next: (updated) => {
        this.busy.set(null);
        const user = this.store.user();
        this.replace(updated, p.id, {
          endorsements: [...p.endorsements, { endorserKey: endorserKeyOf(user) ?? '', name: user?.name ?? '', at: new Date().toISOString() }],
        });
        this.say(p.id, this.i18n.t('proposal.endorse.done'), 'success');
        this.store.changed();
        setTimeout(() => document.querySelector<HTMLElement>(`[data-proposal-id="${p.id}"] [data-testid=proposal-unendorse]`)?.focus());
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.say(p.id, error.code === 'CONFLICT' ? this.i18n.t('proposal.endorse.already') : errorMessage(error, this.i18n.lang()), error.code === 'CONFLICT' ? 'info' : 'error');
      },
    });
  }

  private unendorse(p: ProposalView): void {
    this.busy.set({ id: p.id, action: 'unendorse' });
    const key = endorserKeyOf(this.store.user());
    this.api.unendorse(p.id).subscribe({
      next: () => {
        this.busy.set(null);
        this.replace(null, p.id, { endorsements: p.endorsements.filter((e) => e.endorserKey !== key) });
        this.say(p.id, this.i18n.t('proposal.unendorse.done'), 'success');
        this.store.changed();
        setTimeout(() => document.querySelector<HTMLElement>(`[data-proposal-id="${p.id}"] [data-testid=proposal-endorse]`)?.focus());
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        // 404: there was nothing to take back (already withdrawn elsewhere); the list is read again.
        const gone = error.code === 'NOT_FOUND';
        this.say(p.id, gone ? this.i18n.t('proposal.unendorse.gone') : errorMessage(error, this.i18n.lang()), gone ? 'info' : 'error');
        if (gone) this.reload();
      },
    });
  }

  private accept(p: ProposalView): void {
    this.busy.set({ id: p.id, action: 'accept' });
    this.api.accept(p.id, {}).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.replace(updated, p.id, { status: 'accepted', decidedAt: new Date().toISOString() });
        this.say(p.id, this.i18n.t('proposal.accept.done'), 'success');
        // The plan changed: new activity or amended costs, new total.
        void this.store.reload();
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.say(p.id, this.decisionFailure(error), 'error');
        if (error.code === 'CONFLICT') this.reload();
      },
    });
  }

  private withdraw(p: ProposalView): void {
    this.busy.set({ id: p.id, action: 'withdraw' });
    this.api.withdraw(p.id).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.replace(updated, p.id, { status: 'withdrawn' });
        this.say(p.id, this.i18n.t('proposal.withdraw.done'), 'success');
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.say(p.id, this.decisionFailure(error), 'error');
      },
    });
  }

  private decisionFailure(error: ApiError): string {
    return error.code === 'CONFLICT' ? this.i18n.t('proposal.decision.conflict') : errorMessage(error, this.i18n.lang());
  }

  private openDecision(p: ProposalView, kind: 'reject' | 'carry'): void {
    this.deciding.set({ proposal: p, kind });
    this.reason.set('');
    this.carryTarget.set('year');
    const years = this.carryYears();
    this.carryYear.set(years.find((y) => y > new Date().getFullYear()) ?? years[0] ?? new Date().getFullYear() + 1);
    this.decisionAttempted.set(false);
    this.decisionError.set(null);
    this.decisionDialog()?.nativeElement.showModal();
    setTimeout(() => document.getElementById(kind === 'reject' ? 'reject-reason' : 'carry-year')?.focus());
  }

  protected closeDecision(): void {
    this.decisionDialog()?.nativeElement.close();
  }

  protected onDecisionClosed(): void {
    const d = this.deciding();
    this.deciding.set(null);
    if (d) setTimeout(() => document.querySelector<HTMLElement>(`[data-proposal-id="${d.proposal.id}"] [data-testid=proposal-${d.kind === 'reject' ? 'reject' : 'carry'}]`)?.focus());
  }

  protected readonly reasonProblem = computed(() =>
    this.decisionAttempted() && this.deciding()?.kind === 'reject' && !this.reason().trim() ? this.i18n.t('proposal.reject.reasonRequired') : null,
  );

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submitDecision(): void {
    const d = this.deciding();
    if (!d) return;
    this.decisionAttempted.set(true);
    this.decisionError.set(null);
    if (this.reasonProblem()) {
      document.getElementById('reject-reason')?.focus();
      return;
    }
    const reason = this.reason().trim();
    const request =
      d.kind === 'reject'
        ? this.api.reject(d.proposal.id, { reason })
        : this.api.carryOver(d.proposal.id, {
            ...(this.carryTarget() === 'nextPlan' ? { toNextPlan: true } : { toYear: this.carryYear() }),
            ...(reason ? { reason } : {}),
          });
    this.busy.set({ id: d.proposal.id, action: d.kind });
    request.subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.replace(updated, d.proposal.id, {
          status: d.kind === 'reject' ? 'rejected' : 'carried_over',
          decisionReason: reason || undefined,
          decidedAt: new Date().toISOString(),
        });
        this.say(d.proposal.id, this.i18n.t(d.kind === 'reject' ? 'proposal.reject.done' : 'proposal.carry.done'), 'success');
        this.closeDecision();
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.decisionError.set(error);
      },
    });
  }

  protected messageFor(id: string): { text: string; kind: 'error' | 'success' | 'info' } | null {
    return this.messages()[id] ?? null;
  }

  protected busyFor(p: ProposalView): ProposalAction | null {
    const b = this.busy();
    return b && b.id === p.id ? b.action : null;
  }
}
