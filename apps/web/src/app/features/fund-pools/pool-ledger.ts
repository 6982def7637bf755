import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { CONTRIBUTION_STATUSES, POOL_SOURCE_TYPES, type ContributionStatus, type LedgerEntryView, type PoolSourceType } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe, MoneyPipe, formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { FundPoolsApi } from './fund-pools.api';
import { PoolStore } from './pool-store';
import { LEDGER_KIND_LABEL, SOURCE_LABEL, isReversible, parseAmount, poolErrorMessage } from './pool-utils';

type LedgerState = { status: 'loading' } | { status: 'ok'; items: LedgerEntryView[] } | { status: 'error'; error: ApiError };
type ContributionField = 'amount' | 'sourceType' | 'reference' | 'status' | 'note';

const CONTRIBUTION_IDS: Record<ContributionField, string> = {
  amount: 'contribution-amount',
  sourceType: 'contribution-source',
  status: 'contribution-status',
  reference: 'contribution-reference',
  note: 'contribution-note',
};

const CONTRIBUTION_LABEL: Record<ContributionField, TKey> = {
  amount: 'fundPools.contribution.amount',
  sourceType: 'fundPools.contribution.source',
  status: 'fundPools.contribution.status',
  reference: 'fundPools.contribution.reference',
  note: 'fundPools.contribution.note',
};

/** The pool's ledger (a statement with running balances); managers record contributions, reverse entries and close the year. */
@Component({
  selector: 'app-pool-ledger',
  imports: [TPipe, Icon, ErrorAlert, MoneyPipe, FormatDatePipe, ConfirmDialog, DataTable, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pool-ledger.html',
  styleUrl: './pool-ledger.css',
})
export class PoolLedger {
  protected readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly kindLabel = LEDGER_KIND_LABEL;
  protected readonly sourceLabel = SOURCE_LABEL;
  protected readonly sources = POOL_SOURCE_TYPES;
  protected readonly contributionStatuses = CONTRIBUTION_STATUSES;
  protected readonly reversible = isReversible;
  protected readonly columns: readonly TableColumn[] = [
    'fundPools.ledger.col.at', 'fundPools.ledger.col.kind', num('fundPools.ledger.col.amount'), 'fundPools.ledger.col.detail',
    num('fundPools.balance.received'), num('fundPools.balance.committed'), num('fundPools.balance.disbursed'),
    num('fundPools.balance.available'),
  ];

  protected readonly state = signal<LedgerState>({ status: 'loading' });
  private readonly reloads = signal(0);
  protected readonly canManage = computed(() => !!this.store.pool()?.canManage);
  protected readonly open = computed(() => !this.store.pool()?.carriedToPoolId);
  protected readonly actionError = signal<ApiError | null>(null);

  // Contribution form
  protected readonly adding = signal(false);
  protected readonly amount = signal('');
  protected readonly source = signal<PoolSourceType | ''>('');
  protected readonly contributionStatus = signal<ContributionStatus>('received');
  protected readonly reference = signal('');
  protected readonly note = signal('');
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly shownFields: readonly string[] = Object.keys(CONTRIBUTION_IDS);
  protected readonly labelFor = (path: string) => {
    const key = CONTRIBUTION_LABEL[path as ContributionField];
    return key ? this.i18n.t(key) : path;
  };
  protected readonly amountDigits = computed(() => parseAmount(this.amount()));
  protected readonly problems = computed<Partial<Record<ContributionField, TKey>>>(() => {
    const p: Partial<Record<ContributionField, TKey>> = {};
    if (!this.amountDigits()) p.amount = this.amount().trim() ? 'fundPools.form.amountInvalid' : 'form.required';
    if (!this.source()) p.sourceType = 'form.required';
    if (!this.reference().trim()) p.reference = 'form.required';
    return p;
  });

  // Reverse dialog
  private readonly reverseDialog = viewChild<ElementRef<HTMLDialogElement>>('reverseDialog');
  protected readonly reversing = signal<LedgerEntryView | null>(null);
  protected readonly reverseNote = signal('');
  protected readonly reverseSubmitted = signal(false);
  protected readonly reverseError = signal<ApiError | null>(null);
  protected readonly reverseBusy = signal(false);

  // Year end
  private readonly carryConfirm = viewChild.required<ConfirmDialog>('carryConfirm');
  protected readonly carrying = signal(false);
  protected readonly carryText = computed(() => {
    const pool = this.store.pool();
    return pool ? this.i18n.t('fundPools.carry.text', { amount: formatMoney(pool.available), year: pool.fiscalYear + 1 }) : '';
  });

  constructor() {
    const poolId = computed(() => this.store.pool()?.id ?? null);
    toObservable(computed(() => ({ id: poolId(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<LedgerState> => {
          if (!id) return of<LedgerState>({ status: 'loading' });
          const request = this.api.ledger(id).pipe(
            map((items): LedgerState => ({ status: 'ok', items })),
            catchError((error: ApiError) => of<LedgerState>({ status: 'error', error })),
          );
          return this.state().status === 'ok' ? request : concat(of<LedgerState>({ status: 'loading' }), request);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected errorText(error: ApiError): string {
    return poolErrorMessage(error, this.i18n.lang());
  }

  /** `["dp3a", "demo.sinergi.id"]`, so a long address breaks at the `@`; `["–", ""]` when unknown. */
  protected emailParts(email: string | undefined): [string, string] {
    if (!email) return ['–', ''];
    const at = email.lastIndexOf('@');
    return at > 0 ? [email.slice(0, at), email.slice(at + 1)] : [email, ''];
  }

  /** Which entry a reversal undoes (`#12`), for the detail column. */
  protected entryRef(id: string | undefined): string {
    return id ? `#${id}` : '';
  }

  // ---- contribution ----------------------------------------------------------------------------

  protected openContribution(): void {
    this.amount.set('');
    this.source.set('');
    this.contributionStatus.set('received');
    this.reference.set('');
    this.note.set('');
    this.submitted.set(false);
    this.formError.set(null);
    this.adding.set(true);
    setTimeout(() => document.getElementById('contribution-amount')?.focus());
  }

  protected fieldError(field: ContributionField): string | null {
    const server = this.formError()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    return this.submitted() && local ? this.i18n.t(local) : null;
  }

  protected amountHint(): string {
    const digits = this.amountDigits();
    return digits ? formatMoney(digits) : this.i18n.t('fundPools.amount.hint');
  }

  protected submitContribution(): void {
    const pool = this.store.pool();
    if (!pool) return;
    this.submitted.set(true);
    this.formError.set(null);
    const first = (Object.keys(CONTRIBUTION_IDS) as ContributionField[]).find((f) => this.problems()[f]);
    if (first) {
      document.getElementById(CONTRIBUTION_IDS[first])?.focus();
      return;
    }
    this.saving.set(true);
    const amount = this.amountDigits() as string;
    const status = this.contributionStatus();
    this.api
      .contribute(pool.id, {
        amount,
        sourceType: this.source() as PoolSourceType,
        reference: this.reference().trim(),
        status,
        ...(this.note().trim() ? { note: this.note().trim() } : {}),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.adding.set(false);
          this.store.say(this.i18n.t(status === 'pledged' ? 'fundPools.contribution.pledged' : 'fundPools.contribution.received', { amount: formatMoney(amount) }));
          this.store.changed();
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.formError.set(error);
        },
      });
  }

  // ---- reversal ------------------------------------------------------------------------------------

  protected openReverse(entry: LedgerEntryView): void {
    this.reversing.set(entry);
    this.reverseNote.set('');
    this.reverseSubmitted.set(false);
    this.reverseError.set(null);
    this.reverseDialog()?.nativeElement.showModal();
    setTimeout(() => document.getElementById('reverse-note')?.focus());
  }

  protected closeReverse(): void {
    this.reverseDialog()?.nativeElement.close();
  }

  protected noteError(): string | null {
    const server = this.reverseError()?.fieldError('note');
    if (server) return server;
    return this.reverseSubmitted() && !this.reverseNote().trim() ? this.i18n.t('form.required') : null;
  }

  protected confirmReverse(): void {
    const pool = this.store.pool();
    const entry = this.reversing();
    if (!pool || !entry) return;
    this.reverseSubmitted.set(true);
    this.reverseError.set(null);
    if (!this.reverseNote().trim()) {
      document.getElementById('reverse-note')?.focus();
      return;
    }
    this.reverseBusy.set(true);
    this.api.reverse(pool.id, entry.id, this.reverseNote().trim()).subscribe({
      next: () => {
        this.reverseBusy.set(false);
        this.closeReverse();
        this.store.say(this.i18n.t('fundPools.reverse.done', { kind: this.i18n.t(LEDGER_KIND_LABEL[entry.kind]), amount: formatMoney(entry.amount) }));
        this.store.changed();
      },
      error: (error: ApiError) => {
        this.reverseBusy.set(false);
        this.reverseError.set(error);
      },
    });
  }

  // ---- year end --------------------------------------------------------------------------------------

  protected async carryOver(): Promise<void> {
    const pool = this.store.pool();
    if (!pool || !(await this.carryConfirm().open())) return;
    this.carrying.set(true);
    this.actionError.set(null);
    this.api.carryOver(pool.id).subscribe({
      next: (result) => {
        this.carrying.set(false);
        this.store.say(this.i18n.t('fundPools.carry.done', { amount: formatMoney(result.amount), year: pool.fiscalYear + 1 }), undefined, result.poolId);
        void this.router.navigate(['/dana-taktis', result.poolId], { queryParams: { tab: 'buku-kas' } });
      },
      error: (error: ApiError) => {
        this.carrying.set(false);
        this.actionError.set(error);
      },
    });
  }
}
