import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type {
  ActivityView,
  AgencyView,
  AllocationView,
  BudgetLineView,
  BudgetStage,
  GovernmentLevel,
  PlanSummary,
  PlanView,
} from '@sinergi/contracts';
import { catchError, concat, forkJoin, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { FormatDatePipe, MoneyPipe, formatMoney } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { PLAN_STATUS_LABEL, costOf, groupDigits, isWithinRegion, parseRupiah, periodYears, sumDigits } from '../plans/plan-utils';
import { PlansApi } from '../plans/plans.api';
import { AllocationSheetPanel } from './allocation-sheet-panel';
import { AllocationsApi } from './allocations.api';
import { LineRealised, LineRealisedForm } from './line-realised';
import { TagForm, TagSaved } from './tag-form';
import {
  CoverLevel,
  SOURCE_LABEL,
  STAGE_LABEL,
  TAG_FIELD_LABEL,
  WARNING_LABEL,
  coverLevel,
  formatPercent,
  nextStage,
  parsePercent,
  stagesFrom,
  sumAllocated,
  sumRealised,
} from './tag-utils';

type Load<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: unknown };

type AllocState = { status: 'loading'; items?: AllocationView[] } | { status: 'ok'; items: AllocationView[] } | { status: 'error'; error: unknown };

interface GridRow {
  activity: ActivityView;
  /** What this agency is for the activity (null: shown because "all activities" is on). */
  role: 'lead' | 'support' | null;
}

interface GridGroup {
  code: number;
  name: string;
  rows: GridRow[];
}

interface GridCell {
  need: string;
  /** What this agency's lines allocate to the activity in the year. */
  allocated: string;
  lines: number;
  level: CoverLevel;
  loading: boolean;
  failed: boolean;
}

interface LineAction {
  tagId: string;
  kind: 'stage' | 'share' | 'realised';
}

/**
 * `/penandaan-anggaran/instansi/:agencyId?rencana=<planId>`: an OPD's budget tagging. One row per
 * plan activity the agency leads or supports, one column per fiscal year with what the activity
 * needs and what the agency's APBD lines give it; a cell opens the panel with the lines of that year
 * (stages, warnings, share) and the form to tag another line.
 */
@Component({
  selector: 'app-agency-grid',
  imports: [TPipe, Icon, MoneyPipe, FormatDatePipe, RouterLink, EmptyState, ErrorAlert, LoadError, Loading, ConfirmDialog, TagForm, LineRealised, LineRealisedForm, AllocationSheetPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agency-grid.html',
  styleUrl: './agency-grid.css',
})
export class AgencyGrid {
  private readonly api = inject(AllocationsApi);
  private readonly plansApi = inject(PlansApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  /** Route parameter. */
  readonly agencyId = input.required<string>();
  /** Query parameter `?rencana=<planId>`. */
  readonly rencana = input<string>();

  protected readonly planStatusLabel = PLAN_STATUS_LABEL;
  protected readonly stageLabel = STAGE_LABEL;
  protected readonly sourceLabel = SOURCE_LABEL;
  protected readonly warningLabel = WARNING_LABEL;

  private readonly agencyReloads = signal(0);
  private readonly planReloads = signal(0);
  protected readonly agencyState = signal<Load<AgencyView>>({ status: 'loading' });
  protected readonly plansState = signal<Load<PlanSummary[]>>({ status: 'loading' });
  protected readonly planState = signal<Load<PlanView> | null>(null);
  protected readonly allocs = signal<ReadonlyMap<string, AllocState>>(new Map());
  /** Which plan the allocations in `allocs` belong to (results of a plan left behind are dropped). */
  private allocPlan: string | null = null;

  protected readonly showAll = signal(false);

  protected readonly agency = computed(() => {
    const s = this.agencyState();
    return s.status === 'ok' ? s.value : null;
  });
  protected readonly plans = computed(() => {
    const s = this.plansState();
    return s.status === 'ok' ? s.value : [];
  });
  protected readonly plan = computed(() => {
    const s = this.planState();
    return s?.status === 'ok' ? s.value : null;
  });
  /** The plan in the URL, else the first plan of the agency's region. */
  protected readonly planId = computed(() => this.rencana() || this.plans()[0]?.id || null);
  /** The plans offered in the selector (the one in the URL too, when it is of another region). */
  protected readonly planOptions = computed(() => {
    const list: { id: string; label: string }[] = this.plans().map((p) => ({ id: p.id, label: this.planLabel(p) }));
    const current = this.plan();
    if (current && !list.some((p) => p.id === current.id)) list.unshift({ id: current.id, label: this.planLabel(current) });
    return list;
  });
  /** False while the plan in the URL is not (yet) one of the options: the selector then asks to choose. */
  protected readonly planListed = computed(() => this.planOptions().some((p) => p.id === this.planId()));
  protected readonly years = computed(() => {
    const p = this.plan();
    return p ? periodYears(p) : [];
  });
  protected readonly planLevel = computed<GovernmentLevel>(() => (this.plan()?.regionCode.includes('.') === false ? 'province' : 'regency'));

  /** Admins, the region's planners, and the agency's own staff write its lines; everyone else reads. */
  protected readonly canWrite = computed(() => {
    const user = this.auth.user();
    if (!user) return false;
    if (user.role === 'admin') return true;
    if (user.role === 'planner') {
      const a = this.agency();
      return !user.regionCode || !a || isWithinRegion(a.regionCode, user.regionCode);
    }
    return user.role === 'agency' && user.agencyId === this.agencyId();
  });

  protected readonly groups = computed<GridGroup[]>(() => {
    const plan = this.plan();
    if (!plan) return [];
    const id = this.agencyId();
    const all = this.showAll();
    const en = this.i18n.lang() === 'en';
    return plan.strategies
      .map((s) => ({
        code: s.code,
        name: en && s.nameEn ? s.nameEn : s.name,
        rows: s.activities
          .map((activity): GridRow => ({
            activity,
            role: activity.leadAgencyId === id ? 'lead' : activity.supportingAgencyIds.includes(id) ? 'support' : null,
          }))
          .filter((r) => all || r.role !== null),
      }))
      .filter((g) => g.rows.length > 0);
  });
  protected readonly rows = computed(() => this.groups().flatMap((g) => g.rows));
  protected readonly ownCount = computed(() => {
    const plan = this.plan();
    const id = this.agencyId();
    if (!plan) return 0;
    return plan.strategies.reduce(
      (n, s) => n + s.activities.filter((a) => a.leadAgencyId === id || a.supportingAgencyIds.includes(id)).length,
      0,
    );
  });
  protected readonly activityCount = computed(() => (this.plan()?.strategies ?? []).reduce((n, s) => n + s.activities.length, 0));
  /** code, title, one per year */
  protected readonly colspan = computed(() => this.years().length + 2);

  /** Every year cell of the visible rows, by `activityId:year`. */
  protected readonly cells = computed(() => {
    const out = new Map<string, GridCell>();
    const id = this.agencyId();
    const allocs = this.allocs();
    for (const { activity: a } of this.rows()) {
      const state = allocs.get(a.id);
      const items = state?.status === 'ok' ? state.items : state?.status === 'loading' ? state.items : undefined;
      for (const y of this.years()) {
        const need = costOf(a, y);
        const own = (items ?? []).filter((l) => l.agencyId === id && l.fiscalYear === y);
        const allocated = sumAllocated(own);
        out.set(`${a.id}:${y}`, {
          need,
          allocated,
          lines: own.length,
          level: coverLevel(need, allocated, own.length),
          loading: !items && state?.status !== 'error',
          failed: state?.status === 'error',
        });
      }
    }
    return out;
  });
  protected readonly totals = computed(() =>
    this.years().map((y) => {
      const cells = this.rows().map((r) => this.cells().get(`${r.activity.id}:${y}`));
      return {
        year: y,
        need: sumDigits(cells.map((c) => c?.need)),
        allocated: sumDigits(cells.map((c) => c?.allocated)),
      };
    }),
  );
  protected readonly failedCount = computed(() => this.rows().filter((r) => this.allocs().get(r.activity.id)?.status === 'error').length);

  // ---- Panel ---------------------------------------------------------------------------------------

  private readonly panel = viewChild<ElementRef<HTMLDialogElement>>('panel');
  protected readonly selected = signal<{ activityId: string; year: number } | null>(null);
  protected readonly panelActivity = computed(() => {
    const sel = this.selected();
    return sel ? (this.rows().find((r) => r.activity.id === sel.activityId) ?? null) : null;
  });
  protected readonly panelState = computed(() => {
    const sel = this.selected();
    return sel ? (this.allocs().get(sel.activityId) ?? null) : null;
  });
  /** The year's lines of the activity: this agency's first, then the others (other agencies, desa, national). */
  protected readonly panelLines = computed(() => {
    const sel = this.selected();
    const s = this.panelState();
    const items = s?.status === 'ok' ? s.items : s?.status === 'loading' ? (s.items ?? []) : [];
    if (!sel) return [];
    const id = this.agencyId();
    return items
      .filter((l) => l.fiscalYear === sel.year)
      .sort((a, b) => Number(b.agencyId === id) - Number(a.agencyId === id));
  });
  protected readonly panelCell = computed(() => {
    const sel = this.selected();
    return sel ? (this.cells().get(`${sel.activityId}:${sel.year}`) ?? null) : null;
  });
  protected readonly panelAllSources = computed(() => sumAllocated(this.panelLines()));
  protected readonly notice = signal<{ text: string; kind: 'tag' | 'line' } | null>(null);

  // Actions on one line of this agency
  protected readonly lineAction = signal<LineAction | null>(null);
  protected readonly lineStage = signal<BudgetStage>('DPA');
  protected readonly lineAmount = signal('');
  protected readonly lineShare = signal('');
  protected readonly lineAttempted = signal(false);
  protected readonly lineBusy = signal(false);
  protected readonly lineError = signal<{ tagId: string; error: ApiError } | null>(null);
  protected readonly lineShown: readonly string[] = ['stage', 'amount', 'sharePercent', 'taggedAmount'];
  protected readonly labelFor = (path: string): string => {
    const key = TAG_FIELD_LABEL[path.split('.')[0]];
    return key ? this.i18n.t(key) : path;
  };

  protected readonly toRemove = signal<AllocationView | null>(null);
  private readonly confirm = viewChild.required(ConfirmDialog);
  protected readonly removeHeading = computed(() => this.i18n.t('allocations.tag.remove.title', { code: this.toRemove()?.budgetCode ?? '' }));
  protected readonly removeMessage = computed(() => {
    const t = this.toRemove();
    return this.i18n.t('allocations.tag.remove.text', {
      code: t?.budgetCode ?? '',
      amount: formatMoney(t?.allocated ?? '0'),
      activity: this.panelActivity()?.activity.code ?? '',
    });
  });

  constructor() {
    toObservable(computed(() => ({ id: this.agencyId(), n: this.agencyReloads() })))
      .pipe(
        switchMap(({ id }) =>
          concat(
            of<Load<AgencyView>>({ status: 'loading' }),
            this.api.agency(id).pipe(
              map((value): Load<AgencyView> => ({ status: 'ok', value })),
              catchError((error: unknown) => of<Load<AgencyView>>({ status: 'error', error })),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.agencyState.set(s));

    toObservable(computed(() => this.agency()?.regionCode ?? null))
      .pipe(
        switchMap((regionCode) =>
          regionCode === null
            ? of<Load<PlanSummary[]>>({ status: 'loading' })
            : concat(
                of<Load<PlanSummary[]>>({ status: 'loading' }),
                this.plansApi.list({ regionCode }).pipe(
                  map((value): Load<PlanSummary[]> => ({ status: 'ok', value })),
                  catchError((error: unknown) => of<Load<PlanSummary[]>>({ status: 'error', error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.plansState.set(s));

    toObservable(computed(() => ({ id: this.planId(), n: this.planReloads() })))
      .pipe(
        switchMap(({ id }) => {
          this.allocs.set(new Map());
          this.allocPlan = id;
          this.closePanel();
          if (!id) return of<Load<PlanView> | null>(null);
          return concat(
            of<Load<PlanView>>({ status: 'loading' }),
            this.plansApi.get(id).pipe(
              map((value): Load<PlanView> => ({ status: 'ok', value })),
              catchError((error: unknown) => of<Load<PlanView>>({ status: 'error', error })),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.planState.set(s));

    // Read the allocations of every visible activity not read yet (all of them in parallel).
    effect(() => {
      const rows = this.rows();
      untracked(() => this.loadMissing(rows.map((r) => r.activity.id)));
    });
  }

  private planLabel(p: { title: string; startYear: number; endYear: number; status: PlanSummary['status'] }): string {
    return `${p.title} (${p.startYear}–${p.endYear}) · ${this.i18n.t(this.planStatusLabel[p.status])}`;
  }

  protected reloadAgency(): void {
    this.agencyReloads.update((n) => n + 1);
  }

  protected reloadPlan(): void {
    this.planReloads.update((n) => n + 1);
  }

  protected onPlanChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { rencana: id || null }, queryParamsHandling: 'merge' });
  }

  protected onShowAll(event: Event): void {
    this.showAll.set((event.target as HTMLInputElement).checked);
  }

  // ---- Allocations -------------------------------------------------------------------------------

  private loadMissing(ids: string[]): void {
    const current = this.allocs();
    const missing = ids.filter((id) => !current.has(id));
    if (!missing.length) return;
    this.fetch(missing);
  }

  /** Reads the allocations of these activities in parallel; keeps what is shown while a reload runs. */
  private fetch(ids: string[]): void {
    const plan = this.allocPlan;
    this.allocs.update((m) => {
      const next = new Map(m);
      for (const id of ids) {
        const old = m.get(id);
        next.set(id, { status: 'loading', items: old?.status === 'ok' ? old.items : old?.status === 'loading' ? old.items : undefined });
      }
      return next;
    });
    forkJoin(
      ids.map((id) =>
        this.api.forActivity(id).pipe(
          map((items): [string, AllocState] => [id, { status: 'ok', items: items ?? [] }]),
          catchError((error: unknown) => of<[string, AllocState]>([id, { status: 'error', error }])),
        ),
      ),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((results) => {
        if (this.allocPlan !== plan) return;
        this.allocs.update((m) => {
          const next = new Map(m);
          for (const [id, state] of results) next.set(id, state);
          return next;
        });
      });
  }

  protected retryFailed(): void {
    this.fetch(this.rows().map((r) => r.activity.id).filter((id) => this.allocs().get(id)?.status === 'error'));
  }

  protected reloadActivity(id: string): void {
    this.fetch([id]);
  }

  /** The allocation sheet wrote lines: read again every activity read so far (the visible ones included). */
  protected onSheetSaved(): void {
    this.fetch([...new Set([...this.allocs().keys(), ...this.rows().map((r) => r.activity.id)])]);
  }

  protected cell(a: ActivityView, year: number): GridCell | undefined {
    return this.cells().get(`${a.id}:${year}`);
  }

  protected cellLabel(a: ActivityView, year: number): string {
    const c = this.cell(a, year);
    if (!c) return '';
    return this.i18n.t('allocations.grid.cellLabel', {
      code: a.code,
      year,
      need: formatMoney(c.need),
      allocated: c.lines ? formatMoney(c.allocated) : this.i18n.t('allocations.grid.none'),
    });
  }

  /** Arrow keys move between the year cells (Enter or Space opens one: they are buttons). */
  protected onCellKey(event: KeyboardEvent, row: number, col: number): void {
    const moves: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const target = this.host.nativeElement.querySelector<HTMLElement>(
      `button[data-testid=grid-cell][data-row="${row + move[0]}"][data-col="${col + move[1]}"]`,
    );
    target?.focus();
  }

  // ---- Panel -------------------------------------------------------------------------------------

  protected openCell(a: ActivityView, year: number): void {
    this.notice.set(null);
    this.lineAction.set(null);
    this.lineError.set(null);
    this.selected.set({ activityId: a.id, year });
    // Read again: another clerk may have tagged a line since the grid was loaded.
    this.fetch([a.id]);
    afterNextRender(
      () => {
        const dialog = this.panel()?.nativeElement;
        if (dialog && !dialog.open) dialog.showModal();
        dialog?.querySelector<HTMLElement>('.panel-head h2')?.focus();
      },
      { injector: this.injector },
    );
  }

  protected closePanel(): void {
    const dialog = this.panel()?.nativeElement;
    if (dialog?.open) dialog.close();
    else this.onPanelClosed();
  }

  /** Also reached by Escape; focus goes back to the cell that opened the panel. */
  protected onPanelClosed(): void {
    const sel = this.selected();
    this.selected.set(null);
    this.lineAction.set(null);
    this.notice.set(null);
    if (sel) {
      setTimeout(() =>
        this.host.nativeElement
          .querySelector<HTMLElement>(`tr[data-activity-id="${sel.activityId}"] button[data-testid=grid-cell][data-year="${sel.year}"]`)
          ?.focus(),
      );
    }
  }

  protected isOwn(l: AllocationView): boolean {
    return l.agencyId === this.agencyId();
  }

  protected mayWrite(l: AllocationView): boolean {
    return this.canWrite() && this.isOwn(l);
  }

  protected ownerOf(l: AllocationView): string {
    return l.agencyName ?? l.villageName ?? l.funder ?? l.agencyId ?? l.villageCode ?? '–';
  }

  protected shareText(l: AllocationView): string {
    if (l.sharePercent !== undefined && l.sharePercent !== null) {
      return this.i18n.t('allocations.tag.sharePercent', { percent: formatPercent(l.sharePercent, this.i18n.lang()) });
    }
    if (l.taggedAmount) return this.i18n.t('allocations.tag.shareAmount', { amount: formatMoney(l.taggedAmount) });
    return this.i18n.t('allocations.tag.shareWhole');
  }

  protected stageOptions(l: AllocationView): BudgetStage[] {
    return stagesFrom(l.source, l.stage);
  }

  protected onTagSaved(saved: TagSaved): void {
    const a = this.panelActivity()?.activity;
    if (a) this.reloadActivity(a.id);
    this.notice.set({
      kind: 'tag',
      text: this.i18n.t('allocations.tag.saved', { code: saved.budgetCode, activity: a?.code ?? '', year: saved.fiscalYear }),
    });
    // The notice and the new line are above the form: bring them into view.
    afterNextRender(() => this.panel()?.nativeElement.querySelector('[data-testid=tag-saved]')?.scrollIntoView({ block: 'center' }), {
      injector: this.injector,
    });
  }

  protected startLineAction(l: AllocationView, kind: LineAction['kind']): void {
    const current = this.lineAction();
    if (current?.tagId === l.id && current.kind === kind) {
      this.lineAction.set(null);
      return;
    }
    this.lineAttempted.set(false);
    this.lineError.set(null);
    if (kind === 'stage') {
      this.lineStage.set(nextStage(l.source, l.stage));
      this.lineAmount.set(groupDigits(l.amount));
    } else if (kind === 'share') {
      this.lineShare.set(l.sharePercent !== undefined && l.sharePercent !== null ? formatPercent(l.sharePercent, this.i18n.lang()) : '');
    }
    this.lineAction.set({ tagId: l.id, kind });
    const first = { stage: '#line-stage', share: '#line-share', realised: '#realised-q1' }[kind];
    afterNextRender(() => this.host.nativeElement.ownerDocument.querySelector<HTMLElement>(first)?.focus(), {
      injector: this.injector,
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected lineAmountDigits = computed(() => parseRupiah(this.lineAmount()));
  protected lineAmountShown = computed(() => {
    const d = this.lineAmountDigits();
    return d && d !== '0' ? formatMoney(d) : null;
  });

  protected lineFieldError(tagId: string, field: 'stage' | 'amount' | 'sharePercent'): string | null {
    const e = this.lineError();
    if (e?.tagId === tagId) {
      const server = e.error.fieldError(field) ?? (field === 'sharePercent' ? e.error.fieldError('taggedAmount') : null);
      if (server) return server;
    }
    if (!this.lineAttempted()) return null;
    if (field === 'amount') {
      if (!this.lineAmount().trim()) return this.i18n.t('form.required');
      if (this.lineAmountDigits() === null) return this.i18n.t('money.invalid');
    }
    if (field === 'sharePercent' && parsePercent(this.lineShare()) === null) return this.i18n.t('allocations.tag.share.invalid');
    return null;
  }

  protected submitStage(l: AllocationView): void {
    this.lineAttempted.set(true);
    const amount = this.lineAmountDigits();
    if (!this.lineAmount().trim() || amount === null) {
      this.host.nativeElement.ownerDocument.querySelector<HTMLElement>('#line-amount')?.focus();
      return;
    }
    const stage = this.lineStage();
    this.lineBusy.set(true);
    this.lineError.set(null);
    this.api.recordStage(l.lineId, stage, amount).subscribe({
      next: () => {
        this.lineBusy.set(false);
        this.lineAction.set(null);
        this.reloadActivity(l.activityId);
        this.notice.set({
          kind: 'line',
          text: this.i18n.t('allocations.tag.stageSaved', { stage: this.i18n.t(this.stageLabel[stage]), code: l.budgetCode ?? '', amount: formatMoney(amount) }),
        });
      },
      error: (error: ApiError) => {
        this.lineBusy.set(false);
        this.lineError.set({ tagId: l.id, error });
      },
    });
  }

  protected submitShare(l: AllocationView): void {
    this.lineAttempted.set(true);
    const share = parsePercent(this.lineShare());
    if (share === null) {
      this.host.nativeElement.ownerDocument.querySelector<HTMLElement>('#line-share')?.focus();
      return;
    }
    this.lineBusy.set(true);
    this.lineError.set(null);
    this.api.updateTag(l.id, { version: l.version, sharePercent: share }).subscribe({
      next: () => {
        this.lineBusy.set(false);
        this.lineAction.set(null);
        this.reloadActivity(l.activityId);
        this.notice.set({
          kind: 'line',
          text: this.i18n.t('allocations.tag.shareSaved', { code: l.budgetCode ?? '', percent: formatPercent(share, this.i18n.lang()) }),
        });
      },
      error: (error: ApiError) => {
        this.lineBusy.set(false);
        this.lineError.set({ tagId: l.id, error });
        // Someone changed the tag meanwhile: show the current split (the typed value stays in the input).
        if (error.code === 'CONFLICT') this.reloadActivity(l.activityId);
      },
    });
  }

  /** The realised amounts were written (the form sent the line's version): show the line as it is now. */
  protected onRealisedSaved(l: AllocationView, view: BudgetLineView): void {
    this.lineAction.set(null);
    this.reloadActivity(l.activityId);
    this.notice.set({
      kind: 'line',
      text: this.i18n.t('allocations.realised.saved', { code: l.budgetCode ?? '', total: formatMoney(sumRealised(view.realised)) }),
    });
  }

  protected async askRemove(l: AllocationView): Promise<void> {
    this.toRemove.set(l);
    const ok = await this.confirm().open();
    if (!ok) return;
    this.lineError.set(null);
    this.api.deleteTag(l.id).subscribe({
      next: () => {
        if (this.lineAction()?.tagId === l.id) this.lineAction.set(null);
        this.reloadActivity(l.activityId);
        this.notice.set({ kind: 'line', text: this.i18n.t('allocations.tag.removed', { code: l.budgetCode ?? '' }) });
      },
      error: (error: ApiError) => {
        this.lineError.set({ tagId: l.id, error });
        if (error.code === 'NOT_FOUND') this.reloadActivity(l.activityId);
      },
    });
  }
}
