import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { PlanDiff, PlanVersionView } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { deltaSign, formatDelta, readableChanges } from '../plans/plan-utils';
import { PlansApi } from '../plans/plans.api';

type State =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ok'; version: PlanVersionView; diff: PlanDiff }
  | { status: 'error'; error: ApiError };

/** What changed in the plan since its latest saved version (added, removed and changed activities, cost). */
@Component({
  selector: 'app-gap-changes',
  imports: [TPipe, MoneyPipe, FormatDatePipe, RouterLink, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gap-changes.html',
  styleUrl: './gap-changes.css',
})
export class GapChanges {
  private readonly api = inject(PlansApi);
  private readonly i18n = inject(I18n);

  readonly planId = input.required<string>();
  /** Names of the agencies and strategies known to the page (a changed lead agency by name). */
  readonly agencyNames = input<ReadonlyMap<string, string>>(new Map());
  readonly strategyNames = input<ReadonlyMap<number, string>>(new Map());

  protected readonly state = signal<State>({ status: 'loading' });
  private readonly reloads = signal(0);
  protected readonly formatDelta = formatDelta;
  protected readonly deltaSign = deltaSign;

  protected readonly empty = computed(() => {
    const s = this.state();
    return s.status === 'ok' && !s.diff.added.length && !s.diff.removed.length && !s.diff.changed.length;
  });

  /** Each changed activity with its money changes spelled out and the other fields named. */
  protected readonly changed = computed(() => {
    const s = this.state();
    if (s.status !== 'ok') return [];
    const ctx = {
      t: (k: Parameters<I18n['t']>[0]) => this.i18n.t(k),
      agencyName: (id: string) => this.agencyNames().get(id) ?? '–',
      strategyName: (code: number) => this.strategyNames().get(code) ?? String(code),
    };
    return s.diff.changed.map((c) => {
      // Costs per year say more than the total; the total is left out when both changed.
      const hasCosts = c.fields.some((f) => f.field === 'costs');
      const readable = readableChanges(hasCosts ? c.fields.filter((f) => f.field !== 'totalCost') : c.fields, ctx);
      const money = readable.filter((r) => r.money);
      const others = readable.filter((r) => !r.money).map((r) => r.label);
      return { id: c.id, code: c.code, title: c.title, money, others: [...new Set(others)].join(', ') };
    });
  });

  constructor() {
    toObservable(computed(() => ({ id: this.planId(), n: this.reloads() })))
      .pipe(
        switchMap(({ id }): Observable<State> =>
          concat(
            of<State>({ status: 'loading' }),
            this.api.versions(id).pipe(
              switchMap((versions): Observable<State> => {
                const latest = [...(versions ?? [])].sort((a, b) => b.number - a.number)[0];
                if (!latest) return of<State>({ status: 'none' });
                return this.api.diff(id, latest.number, 'current').pipe(map((diff): State => ({ status: 'ok', version: latest, diff })));
              }),
              catchError((error: ApiError) => of<State>({ status: 'error', error })),
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
}
