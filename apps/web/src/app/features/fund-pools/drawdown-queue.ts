import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { DrawdownStatus, DrawdownView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { saveBlob } from '../../core/files';
import { FormatDatePipe, MoneyPipe, formatMoney } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { DrawdownDecision, FundPoolsApi } from './fund-pools.api';
import { PoolStore } from './pool-store';
import {
  DRAWDOWN_FILTERS,
  DRAWDOWN_STATUS_CLASS,
  DRAWDOWN_STATUS_LABEL,
  DrawdownFilter,
  insufficientAmounts,
  isoToday,
  poolErrorMessage,
} from './pool-utils';

type QueueState = { status: 'loading' } | { status: 'ok'; items: DrawdownView[] } | { status: 'error'; error: ApiError };
type HistoryState = { status: 'loading' } | { status: 'ok'; items: DrawdownView[] } | { status: 'error'; error: ApiError };
type Action = 'approve' | 'reject' | 'disburse' | 'settle' | 'cancel';

const ORDER: Record<DrawdownStatus, number> = { requested: 0, approved: 1, disbursed: 2, settled: 3, rejected: 4, cancelled: 5 };

/** The approval queue of a pool: requests with their status, the decisions, and each requester's history. */
@Component({
  selector: 'app-drawdown-queue',
  imports: [TPipe, Icon, ErrorAlert, MoneyPipe, FormatDatePipe, ConfirmDialog, DataTable, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drawdown-queue.html',
  styleUrl: './drawdown-queue.css',
})
export class DrawdownQueue {
  protected readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);
  private readonly i18n = inject(I18n);

  protected readonly filters = DRAWDOWN_FILTERS;
  protected readonly statusLabel = DRAWDOWN_STATUS_LABEL;
  protected readonly statusClass = DRAWDOWN_STATUS_CLASS;
  protected readonly columns: readonly TableColumn[] = [
    'fundPools.col.requester', 'fundPools.col.activity', 'fundPools.col.purpose', num('fundPools.col.amount'), 'fundPools.col.status',
  ];

  protected readonly state = signal<QueueState>({ status: 'loading' });
  private readonly reloads = signal(0);
  /** Requested first (the queue), then the rest; every status has its chip. */
  protected readonly filter = signal<DrawdownFilter>('all');
  protected readonly busy = signal<{ id: string; action: Action } | null>(null);
  protected readonly errors = signal<ReadonlyMap<string, ApiError>>(new Map());
  /** Rows whose requester's history is open, and the histories by agency. */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly histories = signal<ReadonlyMap<string, HistoryState>>(new Map());

  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.items : [];
  });
  protected readonly counts = computed(() => {
    const counts: Record<DrawdownFilter, number> = { all: 0, requested: 0, approved: 0, disbursed: 0, settled: 0, rejected: 0, cancelled: 0 };
    for (const d of this.items()) {
      counts.all++;
      counts[d.status]++;
    }
    return counts;
  });
  protected readonly shown = computed(() => {
    const f = this.filter();
    const list = f === 'all' ? this.items() : this.items().filter((d) => d.status === f);
    // Open requests oldest first (a queue); decided ones newest first.
    return [...list].sort((a, b) => {
      if (ORDER[a.status] !== ORDER[b.status] && (a.status === 'requested' || b.status === 'requested')) return ORDER[a.status] - ORDER[b.status];
      return a.status === 'requested' ? a.requestedAt.localeCompare(b.requestedAt) : b.requestedAt.localeCompare(a.requestedAt);
    });
  });

  // Reject dialog
  private readonly rejectDialog = viewChild<ElementRef<HTMLDialogElement>>('rejectDialog');
  protected readonly rejecting = signal<DrawdownView | null>(null);
  protected readonly reason = signal('');
  protected readonly rejectSubmitted = signal(false);
  protected readonly rejectError = signal<ApiError | null>(null);

  // Settle dialog
  private readonly settleDialog = viewChild<ElementRef<HTMLDialogElement>>('settleDialog');
  private readonly settleFileInput = viewChild<ElementRef<HTMLInputElement>>('settleFile');
  protected readonly settling = signal<DrawdownView | null>(null);
  protected readonly docNumber = signal('');
  protected readonly docDate = signal('');
  protected readonly docFile = signal<File | null>(null);
  protected readonly settleSubmitted = signal(false);
  protected readonly settleError = signal<ApiError | null>(null);
  protected readonly settleShown: readonly string[] = ['documentNumber', 'date'];

  // Confirmations
  private readonly disburseConfirm = viewChild.required<ConfirmDialog>('disburseConfirm');
  private readonly cancelConfirm = viewChild.required<ConfirmDialog>('cancelConfirm');
  protected readonly confirmTarget = signal<DrawdownView | null>(null);
  protected readonly disburseText = computed(() => {
    const d = this.confirmTarget();
    return d ? this.i18n.t('fundPools.disburse.text', { amount: formatMoney(d.amount), agency: d.requestingAgencyName }) : '';
  });
  protected readonly cancelText = computed(() => {
    const d = this.confirmTarget();
    if (!d) return '';
    return this.i18n.t(d.status === 'approved' ? 'fundPools.cancel.textApproved' : 'fundPools.cancel.text', { amount: formatMoney(d.amount) });
  });

  constructor() {
    const poolId = computed(() => this.store.pool()?.id ?? null);
    toObservable(computed(() => ({ id: poolId(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<QueueState> => {
          if (!id) return of<QueueState>({ status: 'loading' });
          const request = this.api.drawdowns(id).pipe(
            map((items): QueueState => ({ status: 'ok', items })),
            catchError((error: ApiError) => of<QueueState>({ status: 'error', error })),
          );
          // A refresh after an action keeps the rows on screen.
          return this.state().status === 'ok' ? request : concat(of<QueueState>({ status: 'loading' }), request);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => {
        this.state.set(s);
        // Histories are read again when next opened; the open ones right away.
        this.histories.set(new Map());
        const open = new Set(this.items().filter((d) => this.expanded().has(d.id)).map((d) => d.requestingAgencyId));
        for (const agencyId of open) this.loadHistory(agencyId);
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  // ---- who may do what (the server decides; this only offers the buttons) -------------------

  protected canDecide(): boolean {
    return !!this.store.pool()?.canApprove;
  }

  protected isOwn(d: DrawdownView): boolean {
    const user = this.store.user();
    return !!user && (user.role === 'agency' || user.role === 'member') && user.agencyId === d.requestingAgencyId;
  }

  protected canCancel(d: DrawdownView): boolean {
    if (this.canDecide()) return d.status === 'requested' || d.status === 'approved';
    return d.status === 'requested' && this.isOwn(d);
  }

  protected isBusy(d: DrawdownView, action?: Action): boolean {
    const b = this.busy();
    return !!b && b.id === d.id && (!action || b.action === action);
  }

  // ---- errors next to the row ----------------------------------------------------------------

  protected rowError(d: DrawdownView): ApiError | null {
    return this.errors().get(d.id) ?? null;
  }

  protected errorText(error: ApiError): string {
    return poolErrorMessage(error, this.i18n.lang());
  }

  protected insufficientText(error: ApiError, d: DrawdownView): string | null {
    const amounts = insufficientAmounts(error);
    if (!amounts) return null;
    return this.i18n.t(d.emergency ? 'fundPools.insufficient.emergency' : 'fundPools.insufficient.reserve', amounts);
  }

  private setError(id: string, error: ApiError | null): void {
    this.errors.update((m) => {
      const next = new Map(m);
      if (error) next.set(id, error);
      else next.delete(id);
      return next;
    });
  }

  // ---- history of the requester ------------------------------------------------------------------

  protected toggleHistory(d: DrawdownView): void {
    const open = !this.expanded().has(d.id);
    this.expanded.update((set) => {
      const next = new Set(set);
      if (open) next.add(d.id);
      else next.delete(d.id);
      return next;
    });
    if (open && !this.histories().has(d.requestingAgencyId)) this.loadHistory(d.requestingAgencyId);
  }

  protected history(d: DrawdownView): HistoryState {
    return this.histories().get(d.requestingAgencyId) ?? { status: 'loading' };
  }

  /** The requester's other requests on this pool, newest first. */
  protected previous(d: DrawdownView, items: readonly DrawdownView[]): DrawdownView[] {
    return items.filter((x) => x.id !== d.id);
  }

  protected historySummary(d: DrawdownView, items: readonly DrawdownView[]): string {
    const others = this.previous(d, items);
    const paid = others.filter((x) => x.status === 'disbursed' || x.status === 'settled');
    const total = paid.reduce((sum, x) => sum + BigInt(x.amount), 0n);
    return this.i18n.t('fundPools.history.summary', { n: others.length, paid: paid.length, total: formatMoney(total) });
  }

  private loadHistory(agencyId: string): void {
    const pool = this.store.pool();
    if (!pool) return;
    const put = (s: HistoryState) => this.histories.update((m) => new Map(m).set(agencyId, s));
    put({ status: 'loading' });
    this.api.drawdowns(pool.id, { requestingAgencyId: agencyId }).subscribe({
      next: (items) => put({ status: 'ok', items }),
      error: (error: ApiError) => put({ status: 'error', error }),
    });
  }

  // ---- actions -------------------------------------------------------------------------------------

  private run(d: DrawdownView, action: Action, call: Observable<DrawdownDecision>, done: string, after?: () => void): void {
    this.busy.set({ id: d.id, action });
    this.setError(d.id, null);
    call.subscribe({
      next: () => {
        this.busy.set(null);
        after?.();
        this.store.say(done);
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.setError(d.id, error);
        // Someone else moved it meanwhile: show where it stands now.
        if (error.code === 'CONFLICT') this.store.changed();
      },
    });
  }

  protected approve(d: DrawdownView): void {
    this.run(d, 'approve', this.api.approve(d.id), this.i18n.t('fundPools.approved', { amount: formatMoney(d.amount), agency: d.requestingAgencyName }));
  }

  protected async disburse(d: DrawdownView): Promise<void> {
    this.confirmTarget.set(d);
    if (!(await this.disburseConfirm().open())) return;
    this.run(d, 'disburse', this.api.disburse(d.id), this.i18n.t('fundPools.disbursed', { amount: formatMoney(d.amount), agency: d.requestingAgencyName }));
  }

  protected async cancel(d: DrawdownView): Promise<void> {
    this.confirmTarget.set(d);
    if (!(await this.cancelConfirm().open())) return;
    this.run(d, 'cancel', this.api.cancel(d.id), this.i18n.t('fundPools.cancelled'));
  }

  protected openReject(d: DrawdownView): void {
    this.rejecting.set(d);
    this.reason.set('');
    this.rejectSubmitted.set(false);
    this.rejectError.set(null);
    this.rejectDialog()?.nativeElement.showModal();
    setTimeout(() => document.getElementById('reject-drawdown-reason')?.focus());
  }

  protected closeReject(): void {
    this.rejectDialog()?.nativeElement.close();
  }

  protected reasonError(): string | null {
    const server = this.rejectError()?.fieldError('reason');
    if (server) return server;
    return this.rejectSubmitted() && !this.reason().trim() ? this.i18n.t('form.required') : null;
  }

  protected confirmReject(): void {
    const d = this.rejecting();
    if (!d) return;
    this.rejectSubmitted.set(true);
    this.rejectError.set(null);
    if (!this.reason().trim()) {
      document.getElementById('reject-drawdown-reason')?.focus();
      return;
    }
    this.busy.set({ id: d.id, action: 'reject' });
    this.api.reject(d.id, this.reason().trim()).subscribe({
      next: () => {
        this.busy.set(null);
        this.setError(d.id, null);
        this.closeReject();
        this.store.say(this.i18n.t('fundPools.rejected', { agency: d.requestingAgencyName }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.rejectError.set(error);
      },
    });
  }

  protected openSettle(d: DrawdownView): void {
    this.settling.set(d);
    this.docNumber.set('');
    this.docDate.set(isoToday());
    this.docFile.set(null);
    const input = this.settleFileInput()?.nativeElement;
    if (input) input.value = '';
    this.settleSubmitted.set(false);
    this.settleError.set(null);
    this.settleDialog()?.nativeElement.showModal();
    setTimeout(() => document.getElementById('settle-number')?.focus());
  }

  protected closeSettle(): void {
    this.settleDialog()?.nativeElement.close();
  }

  protected onFile(event: Event): void {
    this.docFile.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected settleFieldError(field: 'documentNumber' | 'date'): string | null {
    const server = this.settleError()?.fieldError(field);
    if (server) return server;
    if (!this.settleSubmitted()) return null;
    if (field === 'documentNumber' && !this.docNumber().trim()) return this.i18n.t('form.required');
    if (field === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(this.docDate())) return this.i18n.t('fundPools.settle.dateInvalid');
    return null;
  }

  protected confirmSettle(): void {
    const d = this.settling();
    if (!d) return;
    this.settleSubmitted.set(true);
    this.settleError.set(null);
    if (this.settleFieldError('documentNumber')) {
      document.getElementById('settle-number')?.focus();
      return;
    }
    if (this.settleFieldError('date')) {
      document.getElementById('settle-date')?.focus();
      return;
    }
    this.busy.set({ id: d.id, action: 'settle' });
    this.api.settle(d.id, { documentNumber: this.docNumber().trim(), date: this.docDate(), file: this.docFile() }).subscribe({
      next: () => {
        this.busy.set(null);
        this.setError(d.id, null);
        this.closeSettle();
        this.store.say(this.i18n.t('fundPools.settled', { number: this.docNumber().trim() }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.settleError.set(error);
      },
    });
  }

  protected downloadProof(d: DrawdownView): void {
    const name = d.proof?.fileName;
    if (!name) return;
    this.setError(d.id, null);
    this.api.proof(d.id).subscribe({
      next: (blob) => saveBlob(blob, name),
      error: (error: ApiError) => this.setError(d.id, error),
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
