import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { PLAN_STATUSES, PlanStatus, PlanSummary } from '@sinergi/contracts';
import { catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { RegionPicker } from '../../shared/region-picker';
import { RegionsApi } from '../regions/regions.api';
import { PlanFields } from './plan-fields';
import { MAX_PLAN_YEARS, PLAN_STATUS_CLASS, PLAN_STATUS_LABEL, fieldLabel, planHeaderProblems } from './plan-utils';
import { PlansApi } from './plans.api';

type ListState =
  | { status: 'loading'; previous: PlanSummary[] | null }
  | { status: 'ok'; items: PlanSummary[] }
  | { status: 'error'; error: ApiError };

type Field = 'regionCode' | 'title' | 'startYear' | 'endYear';

/** `/rencana-aksi`: the plans of a region, filtered by status; planners start a new RAD here. */
@Component({
  selector: 'app-plan-list',
  imports: [RouterLink, TPipe, Icon, ErrorAlert, RegionPicker, MoneyPipe, FormatDatePipe, PlanFields, DataTable, EmptyState, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-list.html',
  styles: `
    .filters .field { min-width: 200px; }
    .filters app-region-picker { flex: 1 1 320px; max-width: 480px; }
    .title-link { font-weight: 600; }
    .form-area { margin-bottom: 24px; }
    td.region { white-space: nowrap; }
    tr.clickable { cursor: pointer; }
  `,
})
export class PlanList {
  private readonly api = inject(PlansApi);
  private readonly regions = inject(RegionsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);

  protected readonly statuses = PLAN_STATUSES;
  protected readonly statusLabel = PLAN_STATUS_LABEL;
  protected readonly statusClass = PLAN_STATUS_CLASS;
  protected readonly columns: readonly TableColumn[] = [
    'plans.col.title', 'plans.col.region', 'plans.col.period', 'plans.col.status',
    num('plans.col.activities'), num('plans.col.totalCost'), 'plans.col.updated',
  ];

  protected readonly regionCode = signal(this.auth.user()?.regionCode ?? '');
  protected readonly status = signal<PlanStatus | ''>('');
  private readonly reloads = signal(0);
  protected readonly state = signal<ListState>({ status: 'loading', previous: null });

  protected readonly canCreate = computed(() => this.auth.hasRole('planner', 'admin'));
  protected readonly items = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.items : s.status === 'loading' ? s.previous : null;
  });
  protected readonly countText = computed(() => {
    const s = this.state();
    if (s.status === 'loading') return this.i18n.t('common.loading');
    if (s.status === 'error') return '';
    return this.i18n.plural('plans.count.one', 'plans.count.other', s.items.length);
  });

  // Create form
  protected readonly creating = signal(false);
  protected readonly newRegion = signal('');
  protected readonly newTitle = signal('');
  protected readonly newStart = signal('');
  protected readonly newEnd = signal('');
  protected readonly submitted = signal(false);
  protected readonly saving = signal(false);
  protected readonly createError = signal<ApiError | null>(null);
  private readonly formEl = viewChild<ElementRef<HTMLFormElement>>('form');
  protected readonly shownFields: readonly string[] = ['regionCode', 'title', 'startYear', 'endYear'];
  protected readonly labelFor = (path: string) => fieldLabel(path, (k) => this.i18n.t(k));

  protected readonly problems = computed<Partial<Record<Field, TKey>>>(() => ({
    ...(this.newRegion() ? {} : { regionCode: 'form.required' as const }),
    ...planHeaderProblems(this.newTitle(), this.newStart(), this.newEnd()),
  }));
  protected readonly fieldErrors = computed(() => ({
    title: this.fieldError('title'),
    startYear: this.fieldError('startYear'),
    endYear: this.fieldError('endYear'),
  }));

  constructor() {
    toObservable(computed(() => ({ regionCode: this.regionCode(), status: this.status(), n: this.reloads() })))
      .pipe(
        switchMap((q) =>
          concat(
            of<ListState>({ status: 'loading', previous: this.items() }),
            this.api.list(q).pipe(
              map((items): ListState => ({ status: 'ok', items })),
              catchError((error: ApiError) => of<ListState>({ status: 'error', error })),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** The whole row opens the plan (the title link stays the keyboard way in). */
  protected openRow(plan: PlanSummary, event: MouseEvent): void {
    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
    void this.router.navigate(['/rencana-aksi', plan.id]);
  }

  protected onStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value as PlanStatus | '');
  }

  protected fieldError(field: Field): string | null {
    const server = this.createError()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    return this.submitted() && local ? this.i18n.t(local, { n: MAX_PLAN_YEARS }) : null;
  }

  protected openCreate(): void {
    const now = new Date();
    // After mid-year a new plan usually starts with the next budget year.
    const start = now.getFullYear() + (now.getMonth() >= 6 ? 1 : 0);
    const region = this.auth.user()?.regionCode ?? this.regionCode();
    this.newRegion.set(region);
    this.newStart.set(String(start));
    this.newEnd.set(String(start + 4));
    this.newTitle.set(this.i18n.t('plans.form.defaultTitle', { region: '', start, end: start + 4 }).replace(/\s+/g, ' ').trim());
    this.titleTouched = false;
    this.submitted.set(false);
    this.createError.set(null);
    this.creating.set(true);
    if (region) {
      // A default title with the region's name, unless the planner has typed one meanwhile.
      this.regions.get(region).subscribe({
        next: (r) => {
          if (this.creating() && this.newRegion() === region && !this.titleTouched) {
            this.newTitle.set(this.i18n.t('plans.form.defaultTitle', { region: r.name, start: this.newStart(), end: this.newEnd() }));
          }
        },
        error: () => undefined,
      });
    }
    setTimeout(() => this.formEl()?.nativeElement.querySelector<HTMLElement>('#plan-title')?.focus());
  }

  private titleTouched = false;

  protected onTitle(title: string): void {
    this.titleTouched = true;
    this.newTitle.set(title);
  }

  protected cancelCreate(): void {
    this.creating.set(false);
  }

  protected submitCreate(): void {
    this.submitted.set(true);
    this.createError.set(null);
    const first = (Object.keys(this.problems()) as Field[])[0];
    if (first) {
      const ids: Record<Field, string> = { regionCode: 'plan-region', title: 'plan-title', startYear: 'plan-start-year', endYear: 'plan-end-year' };
      this.formEl()?.nativeElement.querySelector<HTMLElement>(`#${ids[first]}`)?.focus();
      return;
    }
    this.saving.set(true);
    this.api
      .create({
        regionCode: this.newRegion(),
        title: this.newTitle().trim(),
        startYear: Number(this.newStart()),
        endYear: Number(this.newEnd()),
      })
      .subscribe({
        next: (created) => {
          this.saving.set(false);
          this.creating.set(false);
          void this.router.navigate(['/rencana-aksi', created.id]);
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          this.createError.set(error);
        },
      });
  }
}
