import { Injectable, computed, inject, signal } from '@angular/core';
import type { AgencyView, FundPoolView, StrategyView } from '@sinergi/contracts';
import { Subscription, catchError, of } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { FundPoolsApi } from './fund-pools.api';

export type PoolState = { status: 'loading' } | { status: 'ok'; pool: FundPoolView } | { status: 'error'; error: ApiError };

export interface PoolNotice {
  text: string;
  /** `data-testid` of the notice (`drawdown-saved`). */
  testId?: string;
  /** A notice for the pool about to open (the next year's pool after a carry-over). */
  poolId?: string;
}

/**
 * The pool on screen, shared by the pool page, its tabs and the request form. Every action calls
 * {@link changed}: the pool (its balance cards) is read again and the lists re-read theirs.
 */
@Injectable()
export class PoolStore {
  private readonly api = inject(FundPoolsApi);
  private readonly auth = inject(AuthStore);

  readonly state = signal<PoolState>({ status: 'loading' });
  readonly pool = computed(() => {
    const s = this.state();
    return s.status === 'ok' ? s.pool : null;
  });
  /** Bumped after every change; lists that depend on the pool re-read on it. */
  readonly changes = signal(0);
  readonly notice = signal<PoolNotice | null>(null);
  readonly user = this.auth.user;

  /** RAN strategies (names for the rules summary and the request form). */
  readonly strategies = signal<StrategyView[]>([]);
  /** Agencies of the pool's region, for the names of the holder and the requester select. */
  readonly agencies = signal<AgencyView[]>([]);

  private id: string | null = null;
  private loading?: Subscription;
  private agenciesRegion: string | null = null;

  constructor() {
    this.api
      .strategies()
      .pipe(catchError(() => of<StrategyView[]>([])))
      .subscribe((list) => this.strategies.set([...list].sort((a, b) => a.code - b.code)));
  }

  load(id: string): void {
    if (this.id !== id) {
      this.id = id;
      this.state.set({ status: 'loading' });
      if (this.notice()?.poolId !== id) this.notice.set(null);
    }
    this.read();
  }

  /** Reads the pool again without showing the spinner (the cards keep their values until it answers). */
  reload(): void {
    if (this.id) this.read();
  }

  /** After an action: new balances and fresh lists. */
  changed(): void {
    this.reload();
    this.changes.update((n) => n + 1);
  }

  say(text: string, testId?: string, poolId?: string): void {
    this.notice.set({ text, testId, poolId });
  }

  private read(): void {
    const id = this.id;
    if (!id) return;
    this.loading?.unsubscribe();
    this.loading = this.api.get(id).subscribe({
      next: (pool) => {
        this.state.set({ status: 'ok', pool: { ...pool, eligibleStrategies: pool.eligibleStrategies ?? [] } });
        this.loadAgencies(pool.regionCode);
      },
      error: (error: ApiError) => {
        // A failed refresh keeps the pool on screen; only a first load shows the error.
        if (this.state().status !== 'ok' || error.code === 'NOT_FOUND') this.state.set({ status: 'error', error });
      },
    });
  }

  private loadAgencies(regionCode: string): void {
    if (this.agenciesRegion === regionCode) return;
    this.agenciesRegion = regionCode;
    this.api
      .agencies(regionCode)
      .pipe(catchError(() => of<AgencyView[]>([])))
      .subscribe((list) => this.agencies.set([...list].sort((a, b) => a.name.localeCompare(b.name, 'id'))));
  }
}
