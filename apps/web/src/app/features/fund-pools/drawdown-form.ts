import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { PlanSummary, PlanView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { PLAN_STATUS_LABEL } from '../plans/plan-utils';
import { PlansApi } from '../plans/plans.api';
import { FundPoolsApi } from './fund-pools.api';
import { PoolStore } from './pool-store';
import { exceeds, parseAmount, poolErrorMessage } from './pool-utils';

type Field = 'requestingAgencyId' | 'planId' | 'activityId' | 'amount' | 'purpose' | 'beneficiaryNote';
type PlansState = { status: 'loading' } | { status: 'ok'; items: PlanSummary[] } | { status: 'error'; error: ApiError };
type PlanState = { status: 'none' | 'loading' } | { status: 'ok'; plan: PlanView } | { status: 'error'; error: ApiError };

const FIELD_IDS: Record<Field, string> = {
  requestingAgencyId: 'drawdown-agency',
  planId: 'drawdown-plan',
  activityId: 'drawdown-activity',
  amount: 'drawdown-amount',
  purpose: 'drawdown-purpose',
  beneficiaryNote: 'drawdown-beneficiary',
};

const FIELD_LABEL: Record<string, TKey> = {
  requestingAgencyId: 'fundPools.request.agency',
  planId: 'fundPools.request.plan',
  activityId: 'fundPools.request.activity',
  amount: 'fundPools.request.amount',
  purpose: 'fundPools.request.purpose',
  beneficiaryNote: 'fundPools.request.beneficiary',
  emergency: 'fundPools.request.emergency',
};

/** A request for money from the pool, for one activity of the region's action plan. */
@Component({
  selector: 'app-drawdown-form',
  imports: [TPipe, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drawdown-form.html',
  styleUrl: './drawdown-form.css',
})
export class DrawdownForm {
  protected readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly i18n = inject(I18n);

  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly planStatusLabel = PLAN_STATUS_LABEL;

  /** Agency staff and members ask for their own agency; planners and admins choose one. */
  protected readonly ownAgencyId = computed(() => {
    const user = this.store.user();
    return user && (user.role === 'agency' || user.role === 'member') ? (user.agencyId ?? null) : null;
  });
  protected readonly ownAgencyName = signal('');
  protected readonly agency = signal('');
  protected readonly planId = signal('');
  protected readonly activityId = signal('');
  protected readonly amount = signal('');
  protected readonly purpose = signal('');
  protected readonly beneficiary = signal('');
  protected readonly emergency = signal(false);
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly shownFields: readonly string[] = Object.keys(FIELD_IDS);
  protected readonly labelFor = (path: string) => {
    const key = FIELD_LABEL[path];
    return key ? this.i18n.t(key) : path;
  };

  protected readonly plans = signal<PlansState>({ status: 'loading' });
  protected readonly plan = signal<PlanState>({ status: 'none' });

  /** The plan's activities, grouped by strategy, only the strategies the pool may fund. */
  protected readonly groups = computed(() => {
    const s = this.plan();
    const pool = this.store.pool();
    if (s.status !== 'ok' || !pool) return [];
    const eligible = pool.eligibleStrategies;
    const en = this.i18n.lang() === 'en';
    return s.plan.strategies
      .filter((st) => !eligible.length || eligible.includes(st.code))
      .filter((st) => st.activities.length)
      .map((st) => ({ code: st.code, name: `${st.code}. ${en ? st.nameEn : st.name}`, activities: st.activities }));
  });

  protected readonly amountDigits = computed(() => parseAmount(this.amount()));
  protected readonly amountHint = computed(() => {
    const pool = this.store.pool();
    const parts: string[] = [];
    const digits = this.amountDigits();
    if (digits) parts.push(formatMoney(digits));
    if (pool?.maxPerDrawdown) parts.push(this.i18n.t('fundPools.request.max', { amount: formatMoney(pool.maxPerDrawdown) }));
    if (!parts.length) parts.push(this.i18n.t('fundPools.amount.hint'));
    return parts.join(' · ');
  });
  protected readonly emergencyHint = computed(() => {
    const pool = this.store.pool();
    if (!pool || !pool.reservePercent) return this.i18n.t('fundPools.request.emergency.noReserve');
    return this.i18n.t('fundPools.request.emergency.hint', { reserve: formatMoney(pool.reserve), available: formatMoney(pool.available) });
  });

  protected readonly problems = computed<Partial<Record<Field, TKey>>>(() => {
    const p: Partial<Record<Field, TKey>> = {};
    if (!this.agency()) p.requestingAgencyId = 'form.required';
    if (!this.planId()) p.planId = 'form.required';
    if (!this.activityId()) p.activityId = 'form.required';
    const digits = this.amountDigits();
    const max = this.store.pool()?.maxPerDrawdown;
    if (!digits) p.amount = this.amount().trim() ? 'fundPools.form.amountInvalid' : 'form.required';
    else if (max && exceeds(digits, max)) p.amount = 'fundPools.request.overMax';
    if (!this.purpose().trim()) p.purpose = 'form.required';
    return p;
  });

  constructor() {
    const pool = this.store.pool();
    const own = this.ownAgencyId();
    if (own) {
      this.agency.set(own);
      const known = this.store.agencies().find((a) => a.id === own);
      if (known) this.ownAgencyName.set(known.name);
      else this.api.agency(own).subscribe({ next: (a) => this.ownAgencyName.set(a.name), error: () => this.ownAgencyName.set(own) });
    }

    if (pool) {
      this.plansApi
        .list({ regionCode: pool.regionCode })
        .pipe(
          map((items): PlansState => ({ status: 'ok', items })),
          catchError((error: ApiError) => of<PlansState>({ status: 'error', error })),
          takeUntilDestroyed(),
        )
        .subscribe((s) => {
          this.plans.set(s);
          if (s.status === 'ok' && !this.planId()) {
            // The adopted plan is the one money is spent against; otherwise the newest.
            const pick = s.items.find((p) => p.status === 'adopted') ?? s.items[0];
            if (pick) this.planId.set(pick.id);
          }
        });
    }

    toObservable(this.planId)
      .pipe(
        switchMap((id): Observable<PlanState> =>
          !id
            ? of<PlanState>({ status: 'none' })
            : concat(
                of<PlanState>({ status: 'loading' }),
                this.plansApi.get(id).pipe(
                  map((plan): PlanState => ({ status: 'ok', plan })),
                  catchError((error: ApiError) => of<PlanState>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => {
        this.plan.set(s);
        if (s.status === 'ok' && !this.groups().some((g) => g.activities.some((a) => a.id === this.activityId()))) this.activityId.set('');
      });

    setTimeout(() => document.getElementById(own ? 'drawdown-plan' : 'drawdown-agency')?.focus());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected onPlan(event: Event): void {
    this.planId.set(this.value(event));
    this.activityId.set('');
  }

  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    if (!this.submitted() || !local) return null;
    const max = this.store.pool()?.maxPerDrawdown;
    return this.i18n.t(local, { amount: max ? formatMoney(max) : '' });
  }

  protected describedBy(field: Field, hint = false): string | null {
    if (this.fieldError(field)) return `${FIELD_IDS[field]}-error`;
    return hint ? `${FIELD_IDS[field]}-hint` : null;
  }

  protected errorText(error: ApiError): string {
    return poolErrorMessage(error, this.i18n.lang());
  }

  protected submit(): void {
    const pool = this.store.pool();
    if (!pool || this.saving()) return;
    this.submitted.set(true);
    this.error.set(null);
    const first = (Object.keys(FIELD_IDS) as Field[]).find((f) => this.problems()[f]);
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    const amount = this.amountDigits() as string;
    this.saving.set(true);
    this.api
      .requestDrawdown(pool.id, {
        activityId: this.activityId(),
        requestingAgencyId: this.agency(),
        amount,
        purpose: this.purpose().trim(),
        ...(this.beneficiary().trim() ? { beneficiaryNote: this.beneficiary().trim() } : {}),
        emergency: this.emergency(),
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.store.say(this.i18n.t('fundPools.request.saved', { amount: formatMoney(amount) }), 'drawdown-saved');
          this.store.changed();
          this.saved.emit();
        },
        error: (error: ApiError) => {
          // The input stays as typed; the problems show next to the fields and below.
          this.saving.set(false);
          this.error.set(error);
        },
      });
  }
}
