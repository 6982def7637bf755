import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { ApbdesImportResult, FundSourceView, RegionDetail, VillageActivityView, VillageApbdesLine } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { describeError } from '../../core/error-messages';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { LoadError } from '../../shared/load-error';
import { isWithinRegion } from '../plans/plan-utils';
import { RegionsApi, ancestorsOf } from '../regions/regions.api';
import { AllocationsApi } from './allocations.api';
import { SiskeudesImportPanel } from './siskeudes-import-panel';
import { VillageTagForm, parsePercent, stageLabelKey } from './village-tag-form';

type Load<T> = { status: 'loading' } | { status: 'ok'; items: T } | { status: 'error'; error: ApiError };
type ActivityFilter = 'all' | 'supported' | 'unsupported';

const SCOPE_LABEL: Record<VillageActivityView['scope'], TKey> = {
  village: 'allocations.village.scope.village',
  district: 'allocations.village.scope.district',
  region: 'allocations.village.scope.region',
};

/** Keeps the rows on screen while a list is read again; shows the spinner only the first time. */
function load<T>(request: Observable<T>, current: Load<unknown>): Observable<Load<T>> {
  const read = request.pipe(
    map((items): Load<T> => ({ status: 'ok', items })),
    catchError((error: ApiError) => of<Load<T>>({ status: 'error', error })),
  );
  return current.status === 'ok' ? read : concat(of<Load<T>>({ status: 'loading' }), read);
}

/**
 * `/penandaan-anggaran/desa/:code`: a desa's view of budget tagging. The plan activities that concern
 * the desa, which of them its APBDes already supports (and tagging a new APBDes line to one), and the
 * desa's APBDes lines of a year with what they are tagged to, and (for writers) the import of its
 * Siskeudes export. The village official of the desa, planners of the region and admins write; anyone else reads. A kelurahan has no APBDes (422 NO_APBDES).
 */
@Component({
  selector: 'app-village-page',
  imports: [RouterLink, TPipe, Icon, MoneyPipe, DataTable, ErrorAlert, ListStatus, LoadError, VillageTagForm, SiskeudesImportPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './village-page.html',
  styleUrl: './village-page.css',
})
export class VillagePage {
  private readonly api = inject(AllocationsApi);
  private readonly regions = inject(RegionsApi);
  private readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Route parameter: the desa's Kemendagri code (`53.01.06.2015`). */
  readonly code = input.required<string>();

  protected readonly scopeLabel = SCOPE_LABEL;
  protected readonly stageLabel = stageLabelKey;
  protected readonly activityColumns: readonly TableColumn[] = [
    'allocations.village.col.activity', 'allocations.village.col.need', 'allocations.village.col.villageAllocated',
  ];
  protected readonly lineColumns: readonly TableColumn[] = [
    'allocations.village.col.code', 'allocations.village.col.fundSource', 'allocations.village.col.stage',
    num('allocations.village.col.amount'), 'allocations.village.col.taggedTo', num('allocations.village.col.untagged'),
  ];

  private readonly reloads = signal(0);
  protected readonly region = signal<Load<RegionDetail>>({ status: 'loading' });
  protected readonly activities = signal<Load<VillageActivityView[]>>({ status: 'loading' });
  protected readonly lines = signal<Load<VillageApbdesLine[]>>({ status: 'loading' });
  protected readonly fundSources = signal<FundSourceView[]>([]);
  protected readonly linesYear = signal(new Date().getFullYear());
  protected readonly filter = signal<ActivityFilter>('all');
  protected readonly notice = signal<string | null>(null);

  /** The activity whose APBDes form is open. */
  protected readonly tagging = signal<string | null>(null);

  // "Tandai ke kegiatan" of an APBDes line
  protected readonly lineTagging = signal<string | null>(null);
  protected readonly lineActivity = signal('');
  protected readonly lineShare = signal('');
  protected readonly lineAttempted = signal(false);
  protected readonly lineSaving = signal(false);
  protected readonly lineError = signal<ApiError | null>(null);
  protected readonly lineShownFields: readonly string[] = ['activityId', 'sharePercent'];
  protected readonly lineLabelFor = (path: string): string =>
    path === 'activityId' ? this.i18n.t('allocations.village.lineTag.activity')
      : path === 'sharePercent' ? this.i18n.t('allocations.village.lineTag.share') : path;

  /** Admin, a planner whose region covers the desa, or the desa's own official (the server decides too). */
  protected readonly canWrite = computed(() => {
    const user = this.auth.user();
    const code = this.code();
    if (!user) return false;
    if (user.role === 'admin') return true;
    if (user.role === 'planner') return !user.regionCode || isWithinRegion(code, user.regionCode);
    return user.role === 'village' && user.villageCode === code;
  });

  /** The API's 422 for a kelurahan: shown instead of the page. */
  protected readonly noApbdes = computed<ApiError | null>(() => {
    for (const s of [this.activities(), this.lines()]) {
      if (s.status === 'error' && s.error.code === 'NO_APBDES') return s.error;
    }
    return null;
  });
  protected readonly noApbdesMessage = computed(() => {
    const e = this.noApbdes();
    return e ? describeError(e, this.i18n.lang()).message : '';
  });

  protected readonly place = computed(() => {
    const r = this.region();
    if (r.status !== 'ok') return null;
    const up = ancestorsOf(r.items);
    return {
      name: r.items.name,
      level: r.items.level,
      district: up.find((p) => p.level === 'district')?.name ?? null,
      regency: up.find((p) => p.level === 'regency')?.name ?? null,
      province: up.find((p) => p.level === 'province')?.name ?? null,
    };
  });

  protected readonly activityList = computed(() => {
    const s = this.activities();
    return s.status === 'ok' ? s.items : [];
  });
  protected readonly counts = computed(() => {
    const list = this.activityList();
    const supported = list.filter((a) => a.supported).length;
    return { all: list.length, supported, unsupported: list.length - supported };
  });
  protected readonly shownActivities = computed(() => {
    const f = this.filter();
    return this.activityList().filter((a) => f === 'all' || (f === 'supported') === a.supported);
  });
  protected readonly manyPlans = computed(() => new Set(this.activityList().map((a) => a.planId)).size > 1);
  protected readonly filters: readonly { id: ActivityFilter; label: TKey }[] = [
    { id: 'all', label: 'allocations.village.filter.all' },
    { id: 'supported', label: 'allocations.village.filter.supported' },
    { id: 'unsupported', label: 'allocations.village.filter.unsupported' },
  ];

  /** Years to look at the APBDes in: the activities' cost years, this year and the one chosen. */
  protected readonly lineYears = computed(() => {
    const years = new Set<number>([new Date().getFullYear(), this.linesYear()]);
    for (const a of this.activityList()) for (const y of Object.keys(a.costs ?? {})) if (/^\d{4}$/.test(y)) years.add(Number(y));
    return [...years].sort((a, b) => a - b);
  });

  protected readonly fundSourceName = computed(() => new Map(this.fundSources().map((f) => [f.code, f.name])));

  constructor() {
    toObservable(computed(() => ({ code: this.code(), n: this.reloads() })))
      .pipe(
        switchMap(({ code }) => {
          const r = this.region();
          return load(this.regions.get(code), r.status === 'ok' && r.items.code === code ? r : { status: 'loading' });
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.region.set(s));

    // Another desa (the component is reused when only the code changes): nothing of the previous one stays.
    let shownCode: string | null = null;
    toObservable(computed(() => ({ code: this.code(), n: this.reloads() })))
      .pipe(
        switchMap(({ code }) => {
          if (code !== shownCode) {
            shownCode = code;
            this.tagging.set(null);
            this.lineTagging.set(null);
            this.notice.set(null);
            this.filter.set('all');
            this.activities.set({ status: 'loading' });
          }
          return load(this.api.villageActivities(code), this.activities());
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.activities.set(s));

    let linesCode: string | null = null;
    toObservable(computed(() => ({ code: this.code(), year: this.linesYear(), n: this.reloads() })))
      .pipe(
        switchMap(({ code, year }) => {
          const fresh = code !== linesCode;
          linesCode = code;
          return load(this.api.villageApbdes(code, year), fresh ? { status: 'loading' } : this.lines());
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.lines.set(s));

    this.api
      .fundSources()
      .pipe(catchError(() => of<FundSourceView[]>([])), takeUntilDestroyed())
      .subscribe((list) => this.fundSources.set(list));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setLinesYear(event: Event): void {
    this.lines.set({ status: 'loading' });
    this.lineTagging.set(null);
    this.linesYear.set(Number(this.value(event)));
  }

  /** The years an activity has a need or an allocation in. */
  protected yearsOf(a: VillageActivityView): string[] {
    return [...new Set([...Object.keys(a.costs ?? {}), ...Object.keys(a.villageAllocated ?? {})])].sort();
  }

  /** A per-year amount; a year without a value is Rp 0. */
  protected yearValue(map: Readonly<Record<string, string>> | undefined, year: string): string {
    return map?.[year] ?? '0';
  }

  protected isZero(amount: string | undefined): boolean {
    return !amount || /^0+$/.test(amount);
  }

  // ---- An activity's APBDes form ---------------------------------------------------------------

  protected toggleTag(a: VillageActivityView): void {
    this.notice.set(null);
    this.lineTagging.set(null);
    this.tagging.set(this.tagging() === a.activityId ? null : a.activityId);
  }

  protected closeTag(a: VillageActivityView): void {
    this.tagging.set(null);
    this.focusLater(`[data-testid="village-tag"][data-activity="${a.activityId}"]`);
  }

  protected tagSaved(a: VillageActivityView): void {
    this.tagging.set(null);
    this.notice.set(this.i18n.t('allocations.village.saved', { code: a.code }));
    this.reload();
    this.focusLater(`[data-testid="village-tag"][data-activity="${a.activityId}"]`);
  }

  // ---- Siskeudes import ------------------------------------------------------------------------

  /** The import saved: the lines are read again, in the imported fiscal year. */
  protected siskeudesSaved(result: ApbdesImportResult): void {
    this.notice.set(null);
    this.tagging.set(null);
    this.lineTagging.set(null);
    if (result.fiscalYear !== this.linesYear()) {
      this.lines.set({ status: 'loading' });
      this.linesYear.set(result.fiscalYear);
    }
    this.reload();
  }

  protected focusLines(): void {
    this.focusLater('#village-lines-title');
  }

  // ---- Tag an existing APBDes line -------------------------------------------------------------

  /** Activities the line is not tagged to yet. */
  protected lineOptions(line: VillageApbdesLine): VillageActivityView[] {
    const tagged = new Set(line.tags.map((t) => t.activityId));
    return this.activityList().filter((a) => !tagged.has(a.activityId));
  }

  protected canTagLine(line: VillageApbdesLine): boolean {
    return this.canWrite() && !this.isZero(line.untagged);
  }

  protected openLineTag(line: VillageApbdesLine): void {
    this.notice.set(null);
    this.tagging.set(null);
    if (this.lineTagging() === line.id) {
      this.lineTagging.set(null);
      return;
    }
    this.lineActivity.set('');
    this.lineShare.set('');
    this.lineAttempted.set(false);
    this.lineError.set(null);
    this.lineTagging.set(line.id);
    this.focusLater('#line-tag-activity');
  }

  protected closeLineTag(line: VillageApbdesLine): void {
    this.lineTagging.set(null);
    this.focusLater(`[data-testid="apbdes-line-tag"][data-line="${line.id}"]`);
  }

  protected lineProblems(line: VillageApbdesLine): Record<string, string> {
    const p: Record<string, string> = {};
    if (!this.lineActivity()) p['activityId'] = this.i18n.t('allocations.village.lineTag.activityRequired');
    const share = parsePercent(this.lineShare());
    if (share === null) p['sharePercent'] = this.i18n.t('allocations.village.form.shareInvalid');
    else if (share === undefined && line.tags.length > 0) p['sharePercent'] = this.i18n.t('allocations.village.lineTag.shareRequired');
    return p;
  }

  protected lineFieldError(line: VillageApbdesLine, path: string): string | null {
    return this.lineError()?.fieldError(path) ?? (this.lineAttempted() ? (this.lineProblems(line)[path] ?? null) : null);
  }

  protected submitLineTag(line: VillageApbdesLine): void {
    this.lineAttempted.set(true);
    this.lineError.set(null);
    const first = Object.keys(this.lineProblems(line))[0];
    if (first) {
      this.focusLater(first === 'activityId' ? '#line-tag-activity' : '#line-tag-share');
      return;
    }
    const share = parsePercent(this.lineShare());
    const activity = this.activityList().find((a) => a.activityId === this.lineActivity());
    this.lineSaving.set(true);
    this.api
      .tagLine(line.id, { activityId: this.lineActivity(), ...(share !== undefined && share !== null ? { sharePercent: share } : {}) })
      .subscribe({
        next: () => {
          this.lineSaving.set(false);
          this.lineTagging.set(null);
          this.notice.set(this.i18n.t('allocations.village.lineTag.saved', { line: line.budgetCode, code: activity?.code ?? '' }));
          this.reload();
          this.focusLater('#village-lines-title');
        },
        error: (error: ApiError) => {
          this.lineSaving.set(false);
          this.lineError.set(error);
        },
      });
  }

  private focusLater(selector: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}
