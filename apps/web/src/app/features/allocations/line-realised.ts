import { ChangeDetectionStrategy, Component, ElementRef, OnInit, computed, inject, input, output, signal } from '@angular/core';
import type { AllocationView, BudgetLineView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { groupDigits, parseRupiah } from '../plans/plan-utils';
import { AllocationsApi, RealisedRequest } from './allocations.api';
import { QUARTER_LABEL, REALISED_QUARTERS, RealisedAmounts, RealisedQuarter, formatPercent, percentOf, sumRealised } from './tag-utils';

const QUARTER_INPUT_LABEL: Record<RealisedQuarter, TKey> = {
  q1: 'allocations.realised.q1.long',
  q2: 'allocations.realised.q2.long',
  q3: 'allocations.realised.q3.long',
  q4: 'allocations.realised.q4.long',
};

/**
 * The realised amounts of one budget line, when any were recorded: "Realisasi: TW I Rp …, TW II …"
 * and their total as a percent of the line amount (marked when the total exceeds it).
 */
@Component({
  selector: 'app-line-realised',
  imports: [TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length) {
      <p class="realised small" data-testid="line-realised" [attr.data-total]="total()" [class.over]="over()">
        <strong>{{ 'allocations.realised.label' | t }}:</strong> {{ list() }}
        @if (totalText(); as text) {
          <span class="total">·
            @if (over()) {
              <app-icon name="alert" [size]="14" />
            }
            {{ text }}
          </span>
        }
      </p>
    }
  `,
  styles: `
    :host { display: block; }
    .realised { margin: 6px 0 0; font-variant-numeric: tabular-nums; }
    .total { color: var(--c-muted); }
    .over .total { color: var(--c-warning); font-weight: 600; }
  `,
})
export class LineRealised {
  private readonly i18n = inject(I18n);

  readonly realised = input<RealisedAmounts | null | undefined>(undefined);
  /** The line amount at its latest stage. */
  readonly amount = input.required<string>();

  protected readonly entries = computed(() => {
    const r = this.realised();
    return REALISED_QUARTERS.filter((q) => !!r?.[q]);
  });
  /** `TW I Rp 20.000.000, TW III Rp 5.000.000` */
  protected readonly list = computed(() => {
    const r = this.realised();
    return this.entries()
      .map((q) => `${this.i18n.t(QUARTER_LABEL[q])} ${formatMoney(r?.[q])}`)
      .join(', ');
  });
  protected readonly total = computed(() => sumRealised(this.realised()));
  protected readonly over = computed(() => /^\d+$/.test(this.amount()) && BigInt(this.total()) > BigInt(this.amount()));
  protected readonly totalText = computed(() => {
    const percent = percentOf(this.total(), this.amount());
    if (percent === null) return null;
    return this.i18n.t('allocations.realised.total', {
      total: formatMoney(this.total()),
      percent: formatPercent(percent, this.i18n.lang()),
      amount: formatMoney(this.amount()),
    });
  });
}

/**
 * Records the realised amounts of one line per quarter (PATCH /api/budget-lines/:id/realised). An empty
 * input clears its quarter. A total above the line amount is warned about, never blocked. A stale
 * version (409) shows the conflict message and asks the grid to reload; the typed values stay.
 */
@Component({
  selector: 'app-line-realised-form',
  imports: [TPipe, Icon, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './line-realised-form.html',
  styleUrl: './line-realised.css',
})
export class LineRealisedForm implements OnInit {
  private readonly api = inject(AllocationsApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The agency's line as the panel shows it (its `lineVersion` is sent). */
  readonly line = input.required<AllocationView>();
  readonly saved = output<BudgetLineView>();
  /** The line changed meanwhile (409): the grid reloads the activity. */
  readonly conflict = output<void>();
  readonly cancelled = output<void>();

  protected readonly quarters = REALISED_QUARTERS;
  protected readonly inputLabel = QUARTER_INPUT_LABEL;
  protected readonly values = signal<Record<RealisedQuarter, string>>({ q1: '', q2: '', q3: '', q4: '' });
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly conflictText = computed(() => (this.error()?.code === 'CONFLICT' ? this.i18n.t('allocations.realised.conflict') : null));
  protected readonly labelFor = (path: string): string =>
    (REALISED_QUARTERS as readonly string[]).includes(path) ? this.i18n.t(QUARTER_INPUT_LABEL[path as RealisedQuarter]) : path;

  /** Per quarter: digits, `null` (empty: clears the quarter) or `undefined` (not a Rupiah amount). */
  protected readonly parsed = computed(() => {
    const v = this.values();
    const out = {} as Record<RealisedQuarter, string | null | undefined>;
    for (const q of REALISED_QUARTERS) out[q] = v[q].trim() === '' ? null : (parseRupiah(v[q]) ?? undefined);
    return out;
  });
  protected readonly total = computed(() => sumRealised(this.parsed()));
  protected readonly over = computed(() => {
    const amount = this.line().amount;
    return /^\d+$/.test(amount) && BigInt(this.total()) > BigInt(amount);
  });
  protected readonly overText = computed(() =>
    this.i18n.t('allocations.realised.over', { total: formatMoney(this.total()), amount: formatMoney(this.line().amount) }),
  );

  ngOnInit(): void {
    const r = this.line().realised;
    this.values.set({
      q1: r?.q1 ? groupDigits(r.q1) : '',
      q2: r?.q2 ? groupDigits(r.q2) : '',
      q3: r?.q3 ? groupDigits(r.q3) : '',
      q4: r?.q4 ? groupDigits(r.q4) : '',
    });
  }

  protected onInput(q: RealisedQuarter, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.values.update((v) => ({ ...v, [q]: text }));
  }

  protected fieldError(q: RealisedQuarter): string | null {
    const server = this.error()?.fieldError(q);
    if (server) return server;
    if (this.attempted() && this.parsed()[q] === undefined) return this.i18n.t('money.invalid');
    return null;
  }

  protected submit(): void {
    this.attempted.set(true);
    const parsed = this.parsed();
    const invalid = REALISED_QUARTERS.find((q) => parsed[q] === undefined);
    if (invalid) {
      this.host.nativeElement.querySelector<HTMLElement>(`#realised-${invalid}`)?.focus();
      return;
    }
    const l = this.line();
    const body: RealisedRequest = { version: l.lineVersion };
    for (const q of REALISED_QUARTERS) body[q] = parsed[q] ?? null;
    this.saving.set(true);
    this.error.set(null);
    this.api.setRealised(l.lineId, body).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.saved.emit(view);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.error.set(error);
        if (error.code === 'CONFLICT') this.conflict.emit();
        const first = REALISED_QUARTERS.find((q) => error.fieldError(q));
        if (first) this.host.nativeElement.querySelector<HTMLElement>(`#realised-${first}`)?.focus();
      },
    });
  }
}
