import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { LineWarning, MigrationResult, PlanSummary, TaggingCoverage } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { MoneyPipe, formatMoney } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { RegionPicker } from '../../shared/region-picker';
import { canPlan } from '../plans/plan-utils';
import { PlansApi } from '../plans/plans.api';
import { AllocationsApi } from './allocations.api';

type Load<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ApiError };
type CoverageActivity = TaggingCoverage['activities'][number];
type ActivityFilter = 'all' | 'without' | 'warnings';
type ActivitySort = 'code' | 'gap';

/** A desa code has four parts, the last of four digits. */
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export const COVERAGE_WARNING_LABEL: Record<LineWarning, TKey> = {
  CODE_OUT_OF_MANDATE: 'allocations.coverage.warning.CODE_OUT_OF_MANDATE',
  CODE_LEVEL_MISMATCH: 'allocations.coverage.warning.CODE_LEVEL_MISMATCH',
  RETIRED_CODE: 'allocations.coverage.warning.RETIRED_CODE',
  OVER_ALLOCATED_LINE: 'allocations.coverage.warning.OVER_ALLOCATED_LINE',
};

function big(value: string | undefined): bigint {
  return value && /^-?\d+$/.test(value) ? BigInt(value) : 0n;
}

function sum(map: Readonly<Record<string, string>> | undefined): bigint {
  return Object.values(map ?? {}).reduce((acc, v) => acc + big(v), 0n);
}

/** `1.10` after `1.9`: activity codes compared part by part as numbers. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** Allocated as a whole percent of the need (null without a need). */
function percentOf(allocated: bigint, need: bigint): number | null {
  if (need <= 0n) return null;
  return Number((allocated * 100n) / need);
}

/**
 * `/penandaan-anggaran/cakupan?rencana=<planId>`: who has entered what for a plan. Totals, the activities
 * with their need against what is allocated per year (and those without any budget line), the agencies
 * that entered nothing, and for planners the move of lines off retired codes.
 */
@Component({
  selector: 'app-coverage-page',
  imports: [RouterLink, TPipe, Icon, MoneyPipe, DataTable, EmptyState, ErrorAlert, LoadError, Loading, ConfirmDialog, RegionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './coverage-page.html',
  styleUrl: './coverage-page.css',
})
export class CoveragePage {
  private readonly api = inject(AllocationsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);

  /** Query parameter `?rencana=<planId>`. */
  readonly rencana = input<string>();

  protected readonly warningLabel = COVERAGE_WARNING_LABEL;
  protected readonly agencyColumns: readonly TableColumn[] = [
    'allocations.coverage.col.agency', num('allocations.coverage.col.activities'), num('allocations.coverage.col.lines'),
    num('allocations.coverage.col.allocated'),
  ];
  protected readonly activityFilters: readonly { id: ActivityFilter; label: TKey }[] = [
    { id: 'all', label: 'allocations.coverage.filter.all' },
    { id: 'without', label: 'allocations.coverage.filter.without' },
    { id: 'warnings', label: 'allocations.coverage.filter.warnings' },
  ];

  protected readonly plans = signal<Load<PlanSummary[]>>({ status: 'loading' });
  protected readonly coverage = signal<Load<TaggingCoverage>>({ status: 'loading' });
  private readonly planReloads = signal(0);
  private readonly reloads = signal(0);
  protected readonly filter = signal<ActivityFilter>('all');
  protected readonly sort = signal<ActivitySort>('code');

  protected readonly planId = computed(() => {
    const asked = this.rencana();
    if (asked) return asked;
    const p = this.plans();
    return p.status === 'ok' ? (p.value[0]?.id ?? null) : null;
  });
  protected readonly plan = computed(() => {
    const p = this.plans();
    return p.status === 'ok' ? (p.value.find((x) => x.id === this.planId()) ?? null) : null;
  });
  /** Planners of the plan's region and admins move lines off retired codes. */
  protected readonly canMigrate = computed(() => {
    const user = this.auth.user();
    if (user?.role === 'admin') return true;
    const plan = this.plan();
    return user?.role === 'planner' && (plan ? canPlan(user, plan.regionCode) : true);
  });

  protected readonly data = computed(() => {
    const c = this.coverage();
    return c.status === 'ok' ? c.value : null;
  });
  protected readonly allocatedPercent = computed(() => {
    const d = this.data();
    return d ? percentOf(big(d.totals.allocated), big(d.totals.need)) : null;
  });
  protected readonly counts = computed(() => {
    const list = this.data()?.activities ?? [];
    return {
      all: list.length,
      without: list.filter((a) => a.lineCount === 0).length,
      warnings: list.filter((a) => a.warnings.length > 0).length,
    };
  });
  protected readonly rows = computed(() => {
    const d = this.data();
    if (!d) return [];
    const f = this.filter();
    const rows = d.activities
      .filter((a) => f === 'all' || (f === 'without' ? a.lineCount === 0 : a.warnings.length > 0))
      .map((a) => {
        const need = sum(a.need);
        const allocated = sum(a.allocated);
        return {
          a,
          need: need.toString(),
          allocated: allocated.toString(),
          gap: need - allocated,
          over: allocated > need,
          years: d.fiscalYears.map((y) => this.yearCell(a, y)),
        };
      });
    if (this.sort() === 'gap') rows.sort((x, y) => (y.gap > x.gap ? 1 : y.gap < x.gap ? -1 : compareCodes(x.a.code, y.a.code)));
    else rows.sort((x, y) => compareCodes(x.a.code, y.a.code));
    return rows;
  });

  // Migration of retired codes
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly migrating = signal(false);
  protected readonly migrateResult = signal<MigrationResult | null>(null);
  protected readonly migrateError = signal<ApiError | null>(null);

  // "Buka halaman desa"
  protected readonly villageCode = signal('');
  protected readonly villageError = signal<string | null>(null);

  constructor() {
    toObservable(this.planReloads)
      .pipe(
        switchMap(() => {
          const user = this.auth.user();
          const regionCode = user?.regionCode || undefined;
          return concat(
            of<Load<PlanSummary[]>>({ status: 'loading' }),
            this.plansApi.list({ regionCode }).pipe(
              map((value): Load<PlanSummary[]> => ({ status: 'ok', value })),
              catchError((error: ApiError) => of<Load<PlanSummary[]>>({ status: 'error', error })),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.plans.set(s));

    let shown: string | null = null;
    toObservable(computed(() => ({ id: this.planId(), n: this.reloads() })))
      .pipe(
        switchMap(({ id }): Observable<Load<TaggingCoverage>> => {
          if (!id) return of<Load<TaggingCoverage>>({ status: 'loading' });
          const read = this.api.coverage(id).pipe(
            map((value): Load<TaggingCoverage> => ({ status: 'ok', value })),
            catchError((error: ApiError) => of<Load<TaggingCoverage>>({ status: 'error', error })),
          );
          const same = shown === id && this.coverage().status === 'ok';
          shown = id;
          return same ? read : concat(of<Load<TaggingCoverage>>({ status: 'loading' }), read);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.coverage.set(s));
  }

  protected reloadPlans(): void {
    this.planReloads.update((n) => n + 1);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected choosePlan(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.migrateResult.set(null);
    this.migrateError.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { rencana: id }, queryParamsHandling: 'merge' });
  }

  private yearCell(a: CoverageActivity, year: number) {
    const need = big(a.need[String(year)]);
    const allocated = big(a.allocated[String(year)]);
    const percent = percentOf(allocated, need);
    return {
      year,
      need: need.toString(),
      allocated: allocated.toString(),
      percent,
      width: percent === null ? (allocated > 0n ? 100 : 0) : Math.min(100, percent),
      over: allocated > need,
      text: this.i18n.t('allocations.coverage.yearOf', { year, allocated: formatMoney(allocated.toString()), need: formatMoney(need.toString()) }),
    };
  }

  protected gapText(gap: bigint): string {
    return gap < 0n ? `+${formatMoney((-gap).toString())}` : formatMoney(gap.toString());
  }

  protected agencyLink(agencyId: string): string[] {
    return ['/penandaan-anggaran/instansi', agencyId];
  }

  protected async migrate(): Promise<void> {
    const id = this.planId();
    if (!id || !(await this.confirm().open())) return;
    this.migrating.set(true);
    this.migrateError.set(null);
    this.migrateResult.set(null);
    this.api.migrateRetired(id).subscribe({
      next: (result) => {
        this.migrating.set(false);
        this.migrateResult.set({ migrated: result?.migrated ?? [], skipped: result?.skipped ?? [] });
        this.reload();
      },
      error: (error: ApiError) => {
        this.migrating.set(false);
        this.migrateError.set(error);
      },
    });
  }

  protected openVillage(): void {
    const code = this.villageCode().trim();
    if (!VILLAGE_CODE.test(code)) {
      this.villageError.set(this.i18n.t('allocations.coverage.village.invalid'));
      setTimeout(() => document.getElementById('coverage-village')?.focus());
      return;
    }
    this.villageError.set(null);
    void this.router.navigate(['/penandaan-anggaran/desa', code]);
  }
}
