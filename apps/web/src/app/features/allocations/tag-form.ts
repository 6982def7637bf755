import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { APBD_STAGES } from '@sinergi/contracts';
import type { ActivityView, AllocationRequest, BudgetCodeView, BudgetStage, GovernmentLevel } from '@sinergi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListState, ListStatus } from '../../shared/list-status';
import { BudgetCodesApi } from '../budget-codes/budget-codes.api';
import { parseRupiah } from '../plans/plan-utils';
import { AllocationsApi } from './allocations.api';
import { STAGE_LABEL, TAG_FIELD_LABEL, parsePercent } from './tag-utils';

/** What the form sent, once the server accepted it. */
export interface TagSaved {
  id: string;
  lineId: string;
  budgetCode: string;
  fiscalYear: number;
}

type Field = 'budgetCode' | 'accountCode' | 'stage' | 'amount' | 'sharePercent';

/**
 * Adds an APBD line of one agency to a plan activity for one fiscal year: suggested sub kegiatan
 * first, a code search (combobox), the account code, the stage, the amount and an optional share.
 * Nothing typed is lost when the server refuses: its messages appear next to the fields.
 */
@Component({
  selector: 'app-tag-form',
  imports: [TPipe, Icon, ErrorAlert, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tag-form.html',
  styleUrl: './tag-form.css',
})
export class TagForm {
  private readonly api = inject(AllocationsApi);
  private readonly codes = inject(BudgetCodesApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly activity = input.required<ActivityView>();
  readonly fiscalYear = input.required<number>();
  readonly agencyId = input.required<string>();
  /** The plan's government level: a regency plan is funded by regency sub kegiatan. */
  readonly planLevel = input<GovernmentLevel>('regency');

  readonly saved = output<TagSaved>();

  protected readonly stages = APBD_STAGES;
  protected readonly stageLabel = STAGE_LABEL;

  // Suggestions for the activity
  protected readonly suggestions = signal<ListState>({ status: 'loading' });
  protected readonly suggestionItems = computed(() => {
    const s = this.suggestions();
    return s.status === 'ok' ? (s.items as BudgetCodeView[]) : [];
  });
  private readonly suggestionReloads = signal(0);

  // Fields
  protected readonly code = signal('');
  /** The catalogue entry picked from a suggestion or the search (its name is shown under the input). */
  protected readonly chosen = signal<BudgetCodeView | null>(null);
  protected readonly account = signal('');
  protected readonly stage = signal<BudgetStage>('DPA');
  protected readonly amount = signal('');
  protected readonly share = signal('');
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  // Code search (combobox)
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  protected readonly searching = signal(false);
  protected readonly hits = signal<BudgetCodeView[]>([]);
  protected readonly activeId = computed(() => (this.open() && this.active() >= 0 ? `tag-code-option-${this.active()}` : null));
  protected readonly listShown = computed(() => this.open() && (this.hits().length > 0 || this.searching()));

  protected readonly chosenName = computed(() => {
    const c = this.chosen();
    return c && c.code === this.code().trim() ? c.name : null;
  });
  protected readonly amountDigits = computed(() => parseRupiah(this.amount()));
  protected readonly amountShown = computed(() => {
    const d = this.amountDigits();
    return d && d !== '0' ? formatMoney(d) : null;
  });

  /** Client checks by the field names the server's `details` use. */
  protected readonly problems = computed<Partial<Record<Field, string>>>(() => {
    const p: Partial<Record<Field, string>> = {};
    if (!this.code().trim()) p.budgetCode = this.i18n.t('form.required');
    const amount = this.amountDigits();
    if (!this.amount().trim()) p.amount = this.i18n.t('form.required');
    else if (amount === null) p.amount = this.i18n.t('money.invalid');
    if (this.share().trim() && parsePercent(this.share()) === null) p.sharePercent = this.i18n.t('allocations.tag.share.invalid');
    return p;
  });

  protected readonly shownFields: readonly string[] = ['budgetCode', 'accountCode', 'stage', 'amount', 'sharePercent'];
  protected readonly labelFor = (path: string): string => {
    const key: TKey | undefined = TAG_FIELD_LABEL[path.split('.')[0]];
    return key ? this.i18n.t(key) : path;
  };

  constructor() {
    toObservable(computed(() => ({ id: this.activity().id, n: this.suggestionReloads() })))
      .pipe(
        switchMap(({ id }) => {
          this.suggestions.set({ status: 'loading' });
          return this.api.suggestions(id, 'APBD').pipe(
            map((items): ListState => ({ status: 'ok', items })),
            catchError((error: unknown) => of<ListState>({ status: 'error', error })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.suggestions.set(s));

    toObservable(this.code)
      .pipe(
        map((t) => t.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          if (!this.open() || q.length < 2) return of<BudgetCodeView[] | null>(null);
          this.searching.set(true);
          return this.codes
            .search({ q, kind: 'APBD', level: 'sub_kegiatan', governmentLevel: this.planLevel(), limit: 12 })
            .pipe(catchError(() => of<BudgetCodeView[]>([])));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((hits) => {
        this.searching.set(false);
        this.hits.set(hits ?? []);
        this.active.set(-1);
      });
  }

  protected reloadSuggestions(): void {
    this.suggestionReloads.update((n) => n + 1);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    return this.attempted() ? (this.problems()[field] ?? null) : null;
  }

  /** `aria-describedby` of an input: its hint, and its error when there is one. */
  protected describedBy(id: string, field: Field, hint = true): string | null {
    return [hint ? `${id}-hint` : null, this.fieldError(field) ? `${id}-error` : null].filter(Boolean).join(' ') || null;
  }

  // ---- Suggestions and code search ---------------------------------------------------------------

  protected use(code: BudgetCodeView): void {
    this.chosen.set(code);
    this.code.set(code.code);
    this.open.set(false);
    this.hits.set([]);
    this.clearServerError('budgetCode');
    this.host.nativeElement.querySelector<HTMLInputElement>('#tag-account')?.focus();
  }

  protected onCodeInput(event: Event): void {
    this.code.set(this.value(event));
    this.open.set(true);
    this.clearServerError('budgetCode');
  }

  protected onCodeBlur(): void {
    this.open.set(false);
  }

  protected onCodeKeydown(event: KeyboardEvent): void {
    const count = this.hits().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open.set(true);
        if (count) this.active.set(Math.min(count - 1, this.active() + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active.set(Math.max(0, this.active() - 1));
        break;
      case 'Enter':
        if (this.open() && this.active() >= 0 && this.active() < count) {
          event.preventDefault();
          this.use(this.hits()[this.active()]);
        }
        break;
      case 'Escape':
        // Close the list, not the panel around the form.
        if (this.listShown()) {
          event.preventDefault();
          event.stopPropagation();
          this.open.set(false);
        }
        break;
    }
  }

  // ---- Other fields ------------------------------------------------------------------------------

  protected setAccount(event: Event): void {
    this.account.set(this.value(event));
    this.clearServerError('accountCode');
  }

  protected setStage(event: Event): void {
    this.stage.set(this.value(event) as BudgetStage);
    this.clearServerError('stage');
  }

  protected setAmount(event: Event): void {
    this.amount.set(this.value(event));
    this.clearServerError('amount');
  }

  protected setShare(event: Event): void {
    this.share.set(this.value(event));
    this.clearServerError('sharePercent');
  }

  /** A field the person changed no longer shows the server's old message about it. */
  private clearServerError(field: Field): void {
    const e = this.error();
    if (!e || !e.fieldError(field)) return;
    const rest = e.fieldErrors.filter((f) => f.path !== field && !f.path.startsWith(`${field}.`));
    this.error.set(rest.length ? new ApiError(e.status, e.code, e.message, rest, e.requestId, e.rawCode) : null);
  }

  protected submit(): void {
    this.attempted.set(true);
    const problems = Object.keys(this.problems()) as Field[];
    if (problems.length) {
      const ids: Record<Field, string> = {
        budgetCode: 'tag-code', accountCode: 'tag-account', stage: 'tag-stage', amount: 'tag-amount', sharePercent: 'tag-share',
      };
      this.host.nativeElement.querySelector<HTMLElement>(`#${ids[problems[0]]}`)?.focus();
      return;
    }
    const a = this.activity();
    const budgetCode = this.code().trim();
    const fiscalYear = this.fiscalYear();
    const body: AllocationRequest = {
      source: 'APBD',
      agencyId: this.agencyId(),
      fiscalYear,
      budgetCode,
      stage: this.stage(),
      amount: this.amountDigits() ?? '0',
    };
    const account = this.account().trim();
    if (account) body.accountCode = account;
    const share = this.share().trim() ? parsePercent(this.share()) : null;
    if (share !== null) body.sharePercent = share;

    this.saving.set(true);
    this.error.set(null);
    this.api.allocate(a.id, body).subscribe({
      next: (res) => {
        this.saving.set(false);
        this.attempted.set(false);
        this.code.set('');
        this.chosen.set(null);
        this.account.set('');
        this.amount.set('');
        this.share.set('');
        this.saved.emit({ id: res?.id ?? '', lineId: res?.lineId ?? '', budgetCode, fiscalYear });
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.error.set(error);
        const first = this.shownFields.find((f) => error.fieldError(f));
        const id = first && { budgetCode: 'tag-code', accountCode: 'tag-account', stage: 'tag-stage', amount: 'tag-amount', sharePercent: 'tag-share' }[first];
        if (id) setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus());
      },
    });
  }
}
