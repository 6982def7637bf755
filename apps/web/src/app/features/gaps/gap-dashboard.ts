import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { GapFlag, GapReport, PlanSummary } from '@sinergi/contracts';
import { GAP_FLAGS } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap, tap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { saveBlob } from '../../core/files';
import { I18n, TPipe } from '../../core/i18n';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { PlansApi } from '../plans/plans.api';
import { GapActivities } from './gap-activities';
import { ChartItem, GapBarChart } from './gap-bar-chart';
import { GapChanges } from './gap-changes';
import { GapTotals } from './gap-totals';
import { FLAG_LABEL, defaultYear, isGapFlag, workbookName } from './gap-utils';
import { GapDeadlinesPanel } from './gap-deadlines';
import { GapVillages } from './gap-villages';
import { GapFilters, GapRequest, GapsApi } from './gaps.api';

type Load<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ApiError };
type FilterName = 'strategyCode' | 'agencyId' | 'regionCode';
type QueryPatch = Record<string, string | number | null>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

function sameRequest(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `/kesenjangan?rencana=<planId>&tahun=<year>` (and the filters `strategyCode`, `agencyId`, `regionCode`,
 * `flag` under the API's names): need against allocation of a plan for one fiscal year. Totals, flag
 * chips, charts by strategy, agency and year (a strategy or agency bar drills down to the activities),
 * the activities with their budget lines, the desa, what changed since the last version, the workbook.
 */
@Component({
  selector: 'app-gap-dashboard',
  imports: [
    RouterLink, TPipe, Icon, EmptyState, ErrorAlert, LoadError, Loading,
    GapTotals, GapBarChart, GapActivities, GapVillages, GapChanges, GapDeadlinesPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gap-dashboard.html',
  styleUrl: './gap-dashboard.css',
})
export class GapDashboard {
  private readonly api = inject(GapsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  // Query parameters (router input binding).
  readonly rencana = input<string>();
  readonly tahun = input<string>();
  readonly strategyCode = input<string>();
  readonly agencyId = input<string>();
  readonly regionCode = input<string>();
  readonly flag = input<string>();

  protected readonly flags = GAP_FLAGS;
  protected readonly flagLabel = FLAG_LABEL;

  protected readonly plans = signal<Load<PlanSummary[]>>({ status: 'loading' });
  protected readonly report = signal<Load<GapReport>>({ status: 'loading' });
  /** A newer report is on its way; the one on screen stays (dimmed) meanwhile. */
  protected readonly busy = signal(false);
  private readonly planReloads = signal(0);
  private readonly reloads = signal(0);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<ApiError | null>(null);

  /** Names seen in any report, so a filter pill keeps its name when the filtered report leaves it out. */
  protected readonly strategyNames = signal<ReadonlyMap<number, string>>(new Map());
  protected readonly agencyNames = signal<ReadonlyMap<string, string>>(new Map());
  private readonly regionNames = signal<ReadonlyMap<string, string>>(new Map());

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
  protected readonly data = computed(() => {
    const r = this.report();
    return r.status === 'ok' ? r.value : null;
  });
  /** The plan's years (from the list; from the report for a plan the list does not hold). */
  protected readonly years = computed(() => {
    const plan = this.plan();
    if (plan) return Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
    return this.data()?.years ?? [];
  });
  /** The year asked for when the plan has it; else this year (or the first); null lets the server choose. */
  protected readonly year = computed(() => {
    const asked = Number(this.tahun());
    const plan = this.plan();
    if (plan) return asked >= plan.startYear && asked <= plan.endYear ? asked : defaultYear(plan);
    return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : null;
  });
  protected readonly shownYear = computed(() => this.year() ?? this.data()?.fiscalYear ?? null);

  protected readonly filters = computed<GapFilters>(() => {
    const strategy = this.strategyCode() ?? '';
    const agency = this.agencyId() ?? '';
    const region = this.regionCode() ?? '';
    const flag = this.flag();
    return {
      strategyCode: /^[1-6]$/.test(strategy) ? Number(strategy) : undefined,
      agencyId: UUID.test(agency) ? agency : undefined,
      regionCode: REGION.test(region) ? region : undefined,
      flag: isGapFlag(flag) ? flag : undefined,
    };
  });
  protected readonly filtered = computed(() => Object.values(this.filters()).some((v) => v !== undefined));

  /** The removable pills of the strategy, agency and region filters. */
  protected readonly pills = computed(() => {
    const f = this.filters();
    const out: { name: FilterName; text: string }[] = [];
    if (f.strategyCode !== undefined) {
      const name = this.strategyNames().get(f.strategyCode);
      out.push({ name: 'strategyCode', text: this.i18n.t('gaps.filter.strategy', { name: name ? `${f.strategyCode}. ${name}` : f.strategyCode }) });
    }
    if (f.agencyId) {
      out.push({ name: 'agencyId', text: this.i18n.t('gaps.filter.agency', { name: this.agencyNames().get(f.agencyId) ?? '…' }) });
    }
    if (f.regionCode) {
      const name = this.regionNames().get(f.regionCode);
      out.push({ name: 'regionCode', text: this.i18n.t('gaps.filter.region', { name: name ? `${name} (${f.regionCode})` : f.regionCode }) });
    }
    return out;
  });

  protected readonly strategyItems = computed<ChartItem[]>(() => {
    const active = this.filters().strategyCode;
    return (this.data()?.byStrategy ?? []).map((s) => ({
      key: String(s.strategyCode),
      label: `${s.strategyCode}. ${s.name}`,
      title: s.name,
      need: s.need,
      allocated: s.allocated,
      active: s.strategyCode === active,
    }));
  });
  protected readonly agencyItems = computed<ChartItem[]>(() => {
    const active = this.filters().agencyId;
    return (this.data()?.byAgency ?? []).map((a) => ({
      key: a.agencyId,
      label: a.shortName || a.name,
      title: a.name,
      need: a.need,
      allocated: a.allocated,
      active: a.agencyId === active,
    }));
  });
  protected readonly yearItems = computed<ChartItem[]>(() => {
    const year = this.shownYear();
    return (this.data()?.byYear ?? []).map((y) => ({
      key: String(y.fiscalYear),
      label: String(y.fiscalYear),
      need: y.need,
      allocated: y.allocated,
      active: y.fiscalYear === year,
    }));
  });

  private readonly request = computed(
    () => {
      const id = this.planId();
      if (this.plans().status !== 'ok' || !id) return null;
      const query: GapRequest = { fiscalYear: this.year() ?? undefined, ...this.filters() };
      return { id, query, n: this.reloads() };
    },
    { equal: sameRequest },
  );

  constructor() {
    toObservable(this.planReloads)
      .pipe(
        switchMap(() => {
          const user = this.auth.user();
          const regionCode = user?.role === 'admin' ? undefined : user?.regionCode || undefined;
          return concat(
            of<Load<PlanSummary[]>>({ status: 'loading' }),
            this.plansApi.list({ regionCode }).pipe(
              map((value): Load<PlanSummary[]> => ({ status: 'ok', value: value ?? [] })),
              catchError((error: ApiError) => of<Load<PlanSummary[]>>({ status: 'error', error })),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.plans.set(s));

    let shownPlan: string | null = null;
    toObservable(this.request)
      .pipe(
        switchMap((req): Observable<Load<GapReport>> => {
          if (!req) return of<Load<GapReport>>({ status: 'loading' });
          const read = this.api.report(req.id, req.query).pipe(
            map((value): Load<GapReport> => ({ status: 'ok', value })),
            catchError((error: ApiError) => of<Load<GapReport>>({ status: 'error', error })),
          );
          const keep = shownPlan === req.id && this.report().status === 'ok';
          shownPlan = req.id;
          if (!keep) return concat(of<Load<GapReport>>({ status: 'loading' }), read);
          this.busy.set(true);
          return read;
        }),
        tap((s) => {
          if (s.status !== 'loading') this.busy.set(false);
          if (s.status === 'ok') this.remember(s.value);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.report.set(s));
  }

  private remember(r: GapReport): void {
    this.strategyNames.update((m) => new Map([...m, ...r.byStrategy.map((s) => [s.strategyCode, s.name] as const)]));
    this.agencyNames.update((m) => new Map([...m, ...r.byAgency.map((a) => [a.agencyId, a.shortName || a.name] as const)]));
    this.regionNames.update(
      (m) => new Map([...m, ...r.byVillage.flatMap((v) => [[v.villageCode, v.villageName] as const, [v.districtCode, v.districtName] as const]).filter(([, n]) => !!n)]),
    );
  }

  protected reloadPlans(): void {
    this.planReloads.update((n) => n + 1);
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  private navigate(patch: QueryPatch): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge' });
  }

  protected choosePlan(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.downloadError.set(null);
    void this.navigate({ rencana: id, tahun: null, strategyCode: null, agencyId: null, regionCode: null, flag: null });
  }

  protected chooseYear(value: string | number): void {
    this.downloadError.set(null);
    void this.navigate({ tahun: Number(value) });
  }

  protected toggleFlag(flag: GapFlag): void {
    void this.navigate({ flag: this.filters().flag === flag ? null : flag });
  }

  /** Drill-down: a strategy or agency bar filters the activities (again: lifts the filter) and shows them. */
  protected drill(name: 'strategyCode' | 'agencyId', key: string): void {
    const current = this.filters()[name];
    const off = String(current ?? '') === key;
    void this.navigate({ [name]: off ? null : key }).then(() => {
      if (!off) this.showActivities();
    });
  }

  protected filterRegion(code: string): void {
    const off = this.filters().regionCode === code;
    void this.navigate({ regionCode: off ? null : code }).then(() => {
      if (!off) this.showActivities();
    });
  }

  protected removeFilter(name: FilterName): void {
    void this.navigate({ [name]: null });
  }

  protected clearFilters(): void {
    void this.navigate({ strategyCode: null, agencyId: null, regionCode: null, flag: null });
  }

  /** Scrolls to the activity table and puts the focus on its heading (keyboard users land there too). */
  private showActivities(): void {
    setTimeout(() => {
      const section = document.getElementById('gap-activities');
      if (!section) return;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      section.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
      document.getElementById('gap-activities-title')?.focus({ preventScroll: true });
    });
  }

  protected download(): void {
    const id = this.planId();
    if (!id || this.downloading()) return;
    const year = this.shownYear();
    this.downloading.set(true);
    this.downloadError.set(null);
    this.api.workbook(id, { fiscalYear: year ?? undefined, ...this.filters() }).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(blob, workbookName(this.plan()?.title ?? '', year ?? new Date().getFullYear()));
      },
      error: (error: ApiError) => {
        this.downloading.set(false);
        this.downloadError.set(error);
      },
    });
  }
}
