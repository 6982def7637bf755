import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { PoolTotals } from '@sinergi/contracts';
import { Observable, catchError, concat, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { MoneyPipe } from '../../core/format';
import { TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { FundPoolsApi } from './fund-pools.api';
import { PoolStore } from './pool-store';

type TotalsState = { status: 'loading' } | { status: 'ok'; totals: PoolTotals } | { status: 'error'; error: ApiError };

/** What the pool has committed and paid, per plan activity and per requesting agency. */
@Component({
  selector: 'app-pool-totals',
  imports: [TPipe, MoneyPipe, DataTable, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    @switch (s.status) {
      @case ('loading') {
        <app-loading />
      }
      @case ('error') {
        <app-load-error [error]="s.error" (retry)="reload()" />
      }
      @case ('ok') {
        <section aria-labelledby="totals-activity-title">
          <h2 id="totals-activity-title">{{ 'fundPools.totals.byActivity' | t }}</h2>
          @if (s.totals.byActivity.length === 0) {
            <p class="muted">{{ 'fundPools.totals.none' | t }}</p>
          } @else {
            <app-data-table [columns]="activityColumns" testId="totals-activity">
              <tbody>
                @for (a of s.totals.byActivity; track a.activityId) {
                  <tr data-testid="totals-activity-row" [attr.data-code]="a.code">
                    <td><code class="code">{{ a.code }}</code> {{ a.title }}</td>
                    <td class="num">{{ a.committed | money }}</td>
                    <td class="num">{{ a.disbursed | money }}</td>
                  </tr>
                }
              </tbody>
            </app-data-table>
          }
        </section>
        <section aria-labelledby="totals-agency-title">
          <h2 id="totals-agency-title">{{ 'fundPools.totals.byAgency' | t }}</h2>
          @if (s.totals.byAgency.length === 0) {
            <p class="muted">{{ 'fundPools.totals.none' | t }}</p>
          } @else {
            <app-data-table [columns]="agencyColumns" testId="totals-agency">
              <tbody>
                @for (a of s.totals.byAgency; track a.agencyId) {
                  <tr data-testid="totals-agency-row" [attr.data-agency-id]="a.agencyId">
                    <td>{{ a.name }}</td>
                    <td class="num">{{ a.requested }}</td>
                    <td class="num">{{ a.committed | money }}</td>
                    <td class="num">{{ a.disbursed | money }}</td>
                  </tr>
                }
              </tbody>
            </app-data-table>
          }
        </section>
        <p class="muted small">{{ 'fundPools.totals.note' | t }}</p>
      }
    }
  `,
  styles: `
    :host { display: block; }
    section + section { margin-top: 24px; }
    h2 { font-size: 1.05rem; margin-bottom: 8px; }
    .code { font-weight: 600; color: var(--c-primary); }
    p.small { margin-top: 16px; }
  `,
})
export class PoolTotalsTab {
  private readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);

  protected readonly activityColumns: readonly TableColumn[] = [
    'fundPools.col.activity', num('fundPools.balance.committed'), num('fundPools.balance.disbursed'),
  ];
  protected readonly agencyColumns: readonly TableColumn[] = [
    'fundPools.col.requester', num('fundPools.totals.requests'), num('fundPools.balance.committed'), num('fundPools.balance.disbursed'),
  ];
  protected readonly state = signal<TotalsState>({ status: 'loading' });
  private readonly reloads = signal(0);

  constructor() {
    const poolId = computed(() => this.store.pool()?.id ?? null);
    toObservable(computed(() => ({ id: poolId(), n: this.reloads(), c: this.store.changes() })))
      .pipe(
        switchMap(({ id }): Observable<TotalsState> => {
          if (!id) return of<TotalsState>({ status: 'loading' });
          const request = this.api.totals(id).pipe(
            map((totals): TotalsState => ({ status: 'ok', totals })),
            catchError((error: ApiError) => of<TotalsState>({ status: 'error', error })),
          );
          return this.state().status === 'ok' ? request : concat(of<TotalsState>({ status: 'loading' }), request);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((s) => this.state.set(s));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
