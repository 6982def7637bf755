import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { POOL_APPROVERS, type AgencyView, type FundPoolSummary, type PoolApprover, type StrategyView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { RegionPicker } from '../../shared/region-picker';
import { RegionsApi } from '../regions/regions.api';
import { FundPoolsApi } from './fund-pools.api';
import { APPROVER_LABEL, RULE_FIELD_LABEL, maxPreview, maxToSend, parsePercent, ruleProblems } from './pool-utils';

type ListState =
  | { status: 'loading'; previous: FundPoolSummary[] | null }
  | { status: 'ok'; items: FundPoolSummary[] }
  | { status: 'error'; error: ApiError };

type AgencyState = { status: 'none' | 'loading' } | { status: 'ok'; items: AgencyView[] } | { status: 'error'; error: ApiError };

type Field = 'regionCode' | 'name' | 'holderAgencyId' | 'fiscalYear' | 'maxPerDrawdown' | 'reservePercent';

const FIELD_IDS: Record<Field, string> = {
  regionCode: 'pool-region',
  name: 'pool-name',
  holderAgencyId: 'pool-holder',
  fiscalYear: 'pool-year',
  maxPerDrawdown: 'pool-max',
  reservePercent: 'pool-reserve',
};

const FIELD_LABEL: Record<string, TKey> = {
  regionCode: 'fundPools.form.region',
  name: 'fundPools.form.name',
  holderAgencyId: 'fundPools.form.holder',
  fiscalYear: 'fundPools.form.year',
  ...RULE_FIELD_LABEL,
};

/** `/dana-taktis`: the tactical funds by fiscal year; planners, admins and agencies start a new one here. */
@Component({
  selector: 'app-pool-list',
  imports: [RouterLink, TPipe, Icon, ErrorAlert, MoneyPipe, DataTable, EmptyState, LoadError, Loading, RegionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pool-list.html',
  styleUrl: './pool-list.css',
})
export class PoolList {
  private readonly api = inject(FundPoolsApi);
  private readonly regions = inject(RegionsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);

  protected readonly columns: readonly TableColumn[] = [
    'fundPools.col.name', 'fundPools.col.holder', 'fundPools.col.region', 'fundPools.col.year',
    num('fundPools.col.received'), num('fundPools.col.available'), 'fundPools.col.requests',
  ];
  protected readonly approvers = POOL_APPROVERS;
  protected readonly approverLabel = APPROVER_LABEL;

  private readonly thisYear = new Date().getFullYear();
  protected readonly years = Array.from({ length: 7 }, (_, i) => this.thisYear + 2 - i);
  protected readonly year = signal<number | ''>('');
  private readonly reloads = signal(0);
  protected readonly state = signal<ListState>({ status: 'loading', previous: null });

  protected readonly canCreate = computed(() => this.auth.hasRole('admin', 'planner', 'agency'));
  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.items : s.status === 'loading' ? s.previous : null;
  });
  protected readonly countText = computed(() => {
    const s = this.state();
    if (s.status === 'loading') return this.i18n.t('common.loading');
    if (s.status === 'error') return '';
    return this.i18n.plural('fundPools.count.one', 'fundPools.count.other', s.items.length);
  });

  // Create form
  protected readonly creating = signal(false);
  protected readonly region = signal('');
  /** Admins choose the region; planners and agencies work in their own. */
  protected readonly regionFixed = signal(true);
  protected readonly regionName = signal('');
  protected readonly name = signal('');
  protected readonly holder = signal('');
  protected readonly fiscalYear = signal('');
  protected readonly max = signal('');
  protected readonly reserve = signal('');
  protected readonly chosenStrategies = signal<ReadonlySet<number>>(new Set());
  protected readonly approver = signal<PoolApprover>('holder_or_planner');
  protected readonly strategies = signal<StrategyView[]>([]);
  protected readonly agencies = signal<AgencyState>({ status: 'none' });
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly createError = signal<ApiError | null>(null);
  private readonly formEl = viewChild<ElementRef<HTMLFormElement>>('form');
  protected readonly shownFields: readonly string[] = Object.keys(FIELD_IDS);
  protected readonly labelFor = (path: string) => {
    const key = FIELD_LABEL[path.split('.')[0]];
    return key ? this.i18n.t(key) : path;
  };

  /** Agency staff may only hold a pool for their own agency. */
  protected readonly holderOptions = computed(() => {
    const s = this.agencies();
    if (s.status !== 'ok') return [];
    const own = this.auth.role() === 'agency' ? this.auth.user()?.agencyId : null;
    return own ? s.items.filter((a) => a.id === own) : s.items;
  });
  protected readonly maxDigits = computed(() => maxToSend(this.max()));
  protected readonly problems = computed<Partial<Record<Field, TKey>>>(() => {
    const p: Partial<Record<Field, TKey>> = ruleProblems({ max: this.max(), reserve: this.reserve() });
    if (!this.region()) p.regionCode = 'fundPools.form.regionMissing';
    if (!this.name().trim()) p.name = 'form.required';
    if (!this.holder()) p.holderAgencyId = 'form.required';
    const year = Number(this.fiscalYear());
    if (!/^\d{4}$/.test(this.fiscalYear().trim()) || year < 2000 || year > 2100) p.fiscalYear = 'fundPools.form.yearInvalid';
    return p;
  });

  constructor() {
    toObservable(computed(() => ({ fiscalYear: this.year(), n: this.reloads() })))
      .pipe(
        switchMap((q) =>
          concat(
            of<ListState>({ status: 'loading', previous: this.items() }),
            this.api.list({ fiscalYear: q.fiscalYear }).pipe(
              map((items): ListState => ({ status: 'ok', items })),
              catchError((error: ApiError) => of<ListState>({ status: 'error', error })),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));

    // The region's name, for the fixed region line.
    toObservable(this.region)
      .pipe(
        switchMap((code) => (code ? this.regions.get(code).pipe(map((r) => r.name), catchError(() => of(''))) : of(''))),
        takeUntilDestroyed(),
      )
      .subscribe((name) => this.regionName.set(name));

    // The holder select follows the region.
    toObservable(this.region)
      .pipe(
        switchMap((code): Observable<AgencyState> =>
          !code
            ? of<AgencyState>({ status: 'none' })
            : concat(
                of<AgencyState>({ status: 'loading' }),
                this.api.agencies(code).pipe(
                  map((items): AgencyState => ({ status: 'ok', items: [...items].sort((a, b) => a.name.localeCompare(b.name, 'id')) })),
                  catchError((error: ApiError) => of<AgencyState>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => {
        this.agencies.set(s);
        const options = this.holderOptions();
        if (s.status === 'ok' && !options.some((a) => a.id === this.holder())) this.holder.set(options.length === 1 ? options[0].id : '');
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected onYear(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.year.set(value ? Number(value) : '');
  }

  /** The whole row opens the pool (the name link stays the keyboard way in). */
  protected openRow(pool: FundPoolSummary, event: MouseEvent): void {
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    void this.router.navigate(['/dana-taktis', pool.id]);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fieldError(field: Field): string | null {
    const server = this.createError()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    return this.submitted() && local ? this.i18n.t(local) : null;
  }

  protected i18nName(s: StrategyView): string {
    return this.i18n.lang() === 'en' ? s.nameEn : s.name;
  }

  protected maxHint(): string {
    return maxPreview(this.max()) ?? this.i18n.t('fundPools.form.max.hint');
  }

  protected openCreate(): void {
    const user = this.auth.user();
    this.name.set('');
    this.holder.set(user?.role === 'agency' ? (user.agencyId ?? '') : '');
    this.fiscalYear.set(String(this.year() || this.thisYear));
    this.max.set('');
    this.reserve.set('');
    this.chosenStrategies.set(new Set());
    this.approver.set('holder_or_planner');
    this.submitted.set(false);
    this.createError.set(null);
    this.creating.set(true);
    if (!this.strategies().length) {
      this.api.strategies().subscribe({ next: (list) => this.strategies.set([...list].sort((a, b) => a.code - b.code)), error: () => undefined });
    }
    if (user?.role === 'agency') {
      // An agency's pools live in the agency's region.
      this.regionFixed.set(true);
      this.region.set('');
      if (user.agencyId) {
        this.api.agency(user.agencyId).subscribe({
          next: (agency) => {
            if (this.creating()) this.region.set(agency.regionCode);
          },
          error: (error: ApiError) => this.createError.set(error),
        });
      }
    } else {
      // Planners work in their region; admins choose one (their own, if they have one, to start with).
      this.regionFixed.set(user?.role === 'planner');
      this.region.set(user?.regionCode ?? '');
    }
    setTimeout(() => this.formEl()?.nativeElement.querySelector<HTMLElement>('#pool-name')?.focus());
  }

  protected cancelCreate(): void {
    this.creating.set(false);
  }

  protected toggleStrategy(code: number, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.chosenStrategies.update((set) => {
      const next = new Set(set);
      if (checked) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  protected onApprover(event: Event): void {
    this.approver.set((event.target as HTMLSelectElement).value as PoolApprover);
  }

  protected submitCreate(): void {
    this.submitted.set(true);
    this.createError.set(null);
    const first = (Object.keys(FIELD_IDS) as Field[]).find((f) => this.problems()[f]);
    if (first) {
      this.formEl()?.nativeElement.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)?.focus();
      return;
    }
    this.saving.set(true);
    this.api
      .create({
        name: this.name().trim(),
        holderAgencyId: this.holder(),
        fiscalYear: Number(this.fiscalYear()),
        regionCode: this.region(),
        ...(this.maxDigits() ? { maxPerDrawdown: this.maxDigits() as string } : {}),
        eligibleStrategies: [...this.chosenStrategies()].sort((a, b) => a - b),
        approver: this.approver(),
        reservePercent: parsePercent(this.reserve()) ?? 0,
      })
      .subscribe({
        next: (created) => {
          this.saving.set(false);
          this.creating.set(false);
          void this.router.navigate(['/dana-taktis', created.id]);
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.createError.set(error);
        },
      });
  }
}
