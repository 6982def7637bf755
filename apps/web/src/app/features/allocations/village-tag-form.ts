import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  APBDES_STAGES,
  VILLAGE_FUND_SOURCES,
  type BudgetCodeView,
  type BudgetStage,
  type FundSourceView,
  type VillageActivityView,
  type VillageFundSource,
} from '@sinergi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { BudgetCodesApi } from '../budget-codes/budget-codes.api';
import { groupDigits, parseRupiah } from '../plans/plan-utils';
import { AllocationsApi } from './allocations.api';

/** The three APBDes stages, in the order they supersede each other. */
export const APBDES_STAGE_LABEL: Record<(typeof APBDES_STAGES)[number], TKey> = {
  RKPDES: 'allocations.village.stage.RKPDES',
  APBDES: 'allocations.village.stage.APBDES',
  APBDES_P: 'allocations.village.stage.APBDES_P',
};

/** Any stage of a line as people call it (an APBDes line only has the three above). */
export function stageLabelKey(stage: BudgetStage): TKey | null {
  return (APBDES_STAGE_LABEL as Record<string, TKey>)[stage] ?? null;
}

/** A share typed by a person: `50`, `12,5`, `33.33` → a number in (0, 100] with at most two decimals; '' → undefined. */
export function parsePercent(text: string): number | undefined | null {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (cleaned === '') return undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 && value <= 100 ? value : null;
}

/** APBDes kegiatan codes as the catalogue and Siskeudes write them: `4.4.02`, `04.04.02.`. */
const CODE_LIKE = /^\d{1,2}(\.\d{1,2}){1,3}\.?$/;

const FIELD_IDS: Record<string, string> = {
  budgetCode: 'village-code',
  fundSource: 'village-fund-source',
  fiscalYear: 'village-year',
  stage: 'village-stage',
  amount: 'village-amount',
  sharePercent: 'village-share',
};

type SearchState = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; items: BudgetCodeView[] } | { status: 'error' };

/**
 * Records one APBDes line of the desa for a plan activity (POST /activities/:id/allocations with
 * source APBDES): the APBDes kegiatan code (a suggestion or a search), fund source, year, stage,
 * amount and an optional share of the line.
 */
@Component({
  selector: 'app-village-tag-form',
  imports: [TPipe, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './village-tag-form.html',
  styleUrl: './village-tag-form.css',
})
export class VillageTagForm {
  private readonly api = inject(AllocationsApi);
  private readonly codes = inject(BudgetCodesApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly activity = input.required<VillageActivityView>();
  readonly villageCode = input.required<string>();
  readonly fundSources = input<readonly FundSourceView[]>([]);

  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly stages = APBDES_STAGES;
  protected readonly stageLabel = APBDES_STAGE_LABEL;

  /** The activity's cost years; the current year when it has none. */
  protected readonly years = computed(() => {
    const ys = Object.keys(this.activity().costs ?? {})
      .map(Number)
      .filter((y) => Number.isInteger(y))
      .sort((a, b) => a - b);
    return ys.length ? ys : [new Date().getFullYear()];
  });
  protected readonly sources = computed(() => {
    const known = new Map(this.fundSources().map((f) => [f.code, f.name]));
    return VILLAGE_FUND_SOURCES.map((code) => ({ code, name: known.get(code) ?? '' }));
  });

  protected readonly suggestions = signal<{ status: 'loading' } | { status: 'ok'; items: BudgetCodeView[] } | { status: 'error' }>({ status: 'loading' });
  protected readonly codeText = signal('');
  protected readonly chosen = signal<BudgetCodeView | null>(null);
  protected readonly search = signal<SearchState>({ status: 'idle' });
  protected readonly fundSource = signal<VillageFundSource>('DDS');
  protected readonly year = linkedSignal(() => {
    const now = new Date().getFullYear();
    return this.years().includes(now) ? now : this.years()[0];
  });
  protected readonly stage = signal<BudgetStage>('APBDES');
  protected readonly amount = signal('');
  protected readonly share = signal('');
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected readonly amountDigits = computed(() => parseRupiah(this.amount()));
  protected readonly amountHint = computed(() => {
    const d = this.amountDigits();
    return d && d !== '0' ? formatMoney(d) : null;
  });
  protected readonly shownFields: readonly string[] = Object.keys(FIELD_IDS);
  protected readonly labelFor = (path: string): string => {
    const key = ({
      budgetCode: 'allocations.village.form.code',
      fundSource: 'allocations.village.form.fundSource',
      fiscalYear: 'allocations.village.form.year',
      stage: 'allocations.village.form.stage',
      amount: 'allocations.village.form.amount',
      sharePercent: 'allocations.village.form.share',
      villageCode: 'allocations.village.form.village',
    } as Record<string, TKey>)[path];
    return key ? this.i18n.t(key) : path;
  };

  protected readonly problems = computed(() => {
    const p: Record<string, string> = {};
    const text = this.codeText().trim();
    if (!this.chosen() && !text) p['budgetCode'] = this.i18n.t('allocations.village.form.codeRequired');
    else if (!this.chosen() && !CODE_LIKE.test(text)) p['budgetCode'] = this.i18n.t('allocations.village.form.codeChoose');
    const digits = this.amountDigits();
    if (digits === null) p['amount'] = this.i18n.t('money.invalid');
    else if (digits === '0') p['amount'] = this.i18n.t('allocations.village.form.amountRequired');
    if (parsePercent(this.share()) === null) p['sharePercent'] = this.i18n.t('allocations.village.form.shareInvalid');
    return p;
  });

  constructor() {
    toObservable(computed(() => this.activity().activityId))
      .pipe(
        switchMap((id) =>
          this.api.suggestions(id, 'APBDES').pipe(
            map((items) => ({ status: 'ok' as const, items })),
            catchError(() => of({ status: 'error' as const })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.suggestions.set(s));

    toObservable(computed(() => (this.chosen() ? '' : this.codeText().trim())))
      .pipe(
        debounceTime(300),
        distinctUntilChanged(),
        switchMap((q) => {
          if (q.length < 2) return of<SearchState>({ status: 'idle' });
          this.search.set({ status: 'loading' });
          return this.codes.search({ q, kind: 'APBDES', level: 'kegiatan', limit: 10 }).pipe(
            map((items): SearchState => ({ status: 'ok', items })),
            catchError(() => of<SearchState>({ status: 'error' })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.search.set(s));

    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('h3')?.focus());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected onCode(event: Event): void {
    const text = this.value(event);
    this.codeText.set(text);
    const chosen = this.chosen();
    if (chosen && text.trim() !== chosen.code) this.chosen.set(null);
  }

  protected use(code: BudgetCodeView): void {
    this.chosen.set(code);
    this.codeText.set(code.code);
    this.search.set({ status: 'idle' });
    this.host.nativeElement.querySelector<HTMLElement>('#village-fund-source')?.focus();
  }

  protected clearCode(): void {
    this.chosen.set(null);
    this.codeText.set('');
    this.host.nativeElement.querySelector<HTMLElement>('#village-code')?.focus();
  }

  /** A valid amount is shown grouped (`25.000.000`) once the person leaves the input. */
  protected tidyAmount(): void {
    const d = this.amountDigits();
    if (d && d !== '0') this.amount.set(groupDigits(d));
  }

  /** The server's message for the field first, else ours after a submit. */
  protected fieldError(path: string): string | null {
    return this.error()?.fieldError(path) ?? (this.attempted() ? (this.problems()[path] ?? null) : null);
  }

  protected submit(): void {
    this.attempted.set(true);
    this.error.set(null);
    const first = Object.keys(this.problems())[0];
    if (first) {
      this.host.nativeElement.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)?.focus();
      return;
    }
    const a = this.activity();
    const share = parsePercent(this.share());
    this.saving.set(true);
    this.api
      .allocate(a.activityId, {
        source: 'APBDES',
        villageCode: this.villageCode(),
        fiscalYear: this.year(),
        budgetCode: this.chosen()?.code ?? this.codeText().trim(),
        fundSource: this.fundSource(),
        stage: this.stage(),
        amount: this.amountDigits() ?? '0',
        ...(share !== undefined && share !== null ? { sharePercent: share } : {}),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.saved.emit();
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.error.set(error);
          const field = error.fieldErrors.find((f) => FIELD_IDS[f.path]);
          if (field) setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#${FIELD_IDS[field.path]}`)?.focus());
        },
      });
  }
}
