import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { PlanDiff, PlanVersionView } from '@sinergi/contracts';
import { Observable, catchError, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { Loading } from '../../shared/loading';
import { PlanStore } from './plan-store';
import { PLAN_STATUS_CLASS, PLAN_STATUS_LABEL, ReadableChange, deltaSign, formatDelta, readableChanges } from './plan-utils';
import { PlansApi, VersionRef } from './plans.api';

type VersionsState = { status: 'loading' } | { status: 'ok'; items: PlanVersionView[] } | { status: 'error'; error: ApiError };
type DiffState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; diff: PlanDiff; changed: { id: string; code: string; title: string; fields: ReadableChange[] }[] }
  | { status: 'error'; error: ApiError };

const STATUS_WORD: Record<string, TKey> = {
  draft: 'planStatus.draft',
  consultation: 'planStatus.consultation',
  review: 'planStatus.review',
  adopted: 'planStatus.adopted',
  revision: 'planStatus.revision',
};

/** Versions frozen at each workflow step, and what changed between any two (or a version and now). */
@Component({
  selector: 'app-versions-tab',
  imports: [TPipe, Icon, ErrorAlert, FormatDatePipe, MoneyPipe, DataTable, Loading, ListStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './versions-tab.html',
  styleUrl: './versions-tab.css',
})
export class VersionsTab {
  protected readonly store = inject(PlanStore);
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  protected readonly statusLabel = PLAN_STATUS_LABEL;
  protected readonly statusClass = PLAN_STATUS_CLASS;
  protected readonly formatDelta = formatDelta;
  protected readonly deltaSign = deltaSign;

  /** The added and removed activities, shown as two lists of the same form. */
  protected listsOf(d: PlanDiff): readonly { kind: 'added' | 'removed'; title: TKey; items: PlanDiff['added'] }[] {
    return [
      { kind: 'added', title: 'diff.added', items: d.added },
      { kind: 'removed', title: 'diff.removed', items: d.removed },
    ];
  }
  protected readonly versionColumns: readonly TableColumn[] = [
    'version.col.number', 'version.col.transition', 'version.col.status', 'version.col.date',
    num('plans.col.activities'), num('plans.col.totalCost'),
  ];

  protected readonly versions = signal<VersionsState>({ status: 'loading' });
  private readonly reloads = signal(0);
  protected readonly from = signal<string>('');
  protected readonly to = signal<string>('current');
  protected readonly diff = signal<DiffState>({ status: 'idle' });
  protected readonly sameChosen = signal(false);

  /** Year, the two versions compared (by name), and the change. */
  protected readonly costColumns = computed<readonly TableColumn[]>(() => {
    const s = this.diff();
    if (s.status !== 'ok') return [];
    const ref = (r: VersionRef): TableColumn => ({ text: this.refLabel(r), num: true });
    return ['diff.col.year', ref(s.diff.from), ref(s.diff.to), num('diff.col.change')];
  });

  protected readonly options = computed(() => {
    const s = this.versions();
    return s.status === 'ok' ? s.items : [];
  });

  constructor() {
    const planId = computed(() => this.store.plan()?.id ?? null);
    toObservable(computed(() => ({ id: planId(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<VersionsState> =>
          !id
            ? of<VersionsState>({ status: 'loading' })
            : this.api.versions(id).pipe(
                map((items): VersionsState => ({ status: 'ok', items: [...items].sort((a, b) => b.number - a.number) })),
                catchError((error: ApiError) => of<VersionsState>({ status: 'error', error })),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((s) => {
        this.versions.set(s);
        if (s.status === 'ok' && !this.from() && s.items.length) this.from.set(String(s.items[0].number));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** "draft→consultation" as "Draf → Konsultasi". */
  protected transitionText(v: PlanVersionView): string {
    return v.transition
      .split(/\s*(?:→|->)\s*/)
      .map((part) => (STATUS_WORD[part] ? this.i18n.t(STATUS_WORD[part]) : part))
      .join(' → ');
  }

  protected refLabel(ref: number | 'current'): string {
    return ref === 'current' ? this.i18n.t('version.current') : this.i18n.t('version.number', { n: ref });
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  private ref(text: string): VersionRef {
    return text === 'current' ? 'current' : Number(text);
  }

  protected compareWithCurrent(v: PlanVersionView): void {
    this.from.set(String(v.number));
    this.to.set('current');
    this.show();
    setTimeout(() => document.getElementById('diff-result')?.focus());
  }

  protected show(): void {
    const plan = this.store.plan();
    if (!plan || !this.from()) return;
    if (this.from() === this.to()) {
      this.sameChosen.set(true);
      return;
    }
    this.sameChosen.set(false);
    this.diff.set({ status: 'loading' });
    const ctx = {
      t: (k: TKey) => this.i18n.t(k),
      agencyName: (id: string) => this.store.agencyName(id),
      strategyName: (code: number) => this.store.strategyName(code),
    };
    this.api.diff(plan.id, this.ref(this.from()), this.ref(this.to())).subscribe({
      next: (diff) =>
        this.diff.set({
          status: 'ok',
          diff,
          changed: diff.changed.map((c) => ({ id: c.id, code: c.code, title: c.title, fields: readableChanges(c.fields, ctx) })),
        }),
      error: (error: ApiError) => this.diff.set({ status: 'error', error }),
    });
  }
}
