import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../../core/api-error';
import { saveBlob } from '../../core/files';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { DrawdownForm } from './drawdown-form';
import { DrawdownQueue } from './drawdown-queue';
import { FundPoolsApi } from './fund-pools.api';
import { PoolLedger } from './pool-ledger';
import { PoolRulesDialog } from './pool-rules-dialog';
import { PoolStore } from './pool-store';
import { PoolTotalsTab } from './pool-totals';
import { APPROVER_LABEL, BALANCE_CARDS, formatPercent, statementFileName } from './pool-utils';

export type PoolTab = 'requests' | 'ledger' | 'totals';

/** `?tab=` accepts the Indonesian words of the URL and the English ids. */
const TAB_PARAM: Record<string, PoolTab> = {
  permintaan: 'requests',
  requests: 'requests',
  'buku-kas': 'ledger',
  ledger: 'ledger',
  rekap: 'totals',
  totals: 'totals',
};
const TAB_URL: Record<PoolTab, string> = { requests: 'permintaan', ledger: 'buku-kas', totals: 'rekap' };
const TABS: readonly { id: PoolTab; label: TKey }[] = [
  { id: 'requests', label: 'fundPools.tab.requests' },
  { id: 'ledger', label: 'fundPools.tab.ledger' },
  { id: 'totals', label: 'fundPools.tab.totals' },
];

/** `/dana-taktis/:id`: the pool's balances and rules, the request form, and the tabs requests, ledger, totals. */
@Component({
  selector: 'app-pool-page',
  imports: [RouterLink, TPipe, Icon, ErrorAlert, MoneyPipe, EmptyState, LoadError, Loading, DrawdownForm, DrawdownQueue, PoolLedger, PoolRulesDialog, PoolTotalsTab],
  providers: [PoolStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pool-page.html',
  styleUrl: './pool-page.css',
})
export class PoolPage {
  protected readonly store = inject(PoolStore);
  private readonly api = inject(FundPoolsApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter `?tab=buku-kas`. */
  readonly tab = input<string>();

  protected readonly tabs = TABS;
  protected readonly cards = BALANCE_CARDS;
  protected readonly approverLabel = APPROVER_LABEL;
  protected readonly activeTab = linkedSignal<PoolTab>(() => TAB_PARAM[this.tab() ?? ''] ?? 'requests');

  protected readonly requesting = signal(false);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<ApiError | null>(null);

  /** The eligible strategies with their names; empty for "all strategies". */
  protected readonly eligible = computed(() => {
    const pool = this.store.pool();
    if (!pool) return [];
    const names = new Map(this.store.strategies().map((s) => [s.code, this.i18n.lang() === 'en' ? s.nameEn : s.name]));
    return pool.eligibleStrategies.map((code) => ({ code, name: names.get(code) ?? '' }));
  });
  protected readonly reserveText = computed(() => formatPercent(this.store.pool()?.reservePercent ?? 0, this.i18n.lang()));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.requesting.set(false);
        this.downloadError.set(null);
        this.store.load(id);
      });
    });
  }

  protected selectTab(tab: PoolTab): void {
    this.activeTab.set(tab);
    void this.router.navigate([], { queryParams: { tab: TAB_URL[tab] }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern). */
  protected onTabKey(event: KeyboardEvent): void {
    const at = TABS.findIndex((t) => t.id === this.activeTab());
    let next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    event.preventDefault();
    this.selectTab(TABS[next].id);
    setTimeout(() => document.getElementById(`pool-tab-${TABS[next].id}`)?.focus());
  }

  protected openRequest(): void {
    this.store.notice.set(null);
    this.requesting.set(true);
  }

  /** A request was sent: the form closes, the queue shows it. */
  protected requested(): void {
    this.requesting.set(false);
    if (this.activeTab() !== 'requests') this.selectTab('requests');
  }

  protected downloadStatement(): void {
    const pool = this.store.pool();
    if (!pool || this.downloading()) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    this.api.statement(pool.id).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(blob, statementFileName(pool.name, pool.fiscalYear));
      },
      error: (error: ApiError) => {
        this.downloading.set(false);
        this.downloadError.set(error);
      },
    });
  }

  protected retry(): void {
    this.store.load(this.id());
  }
}
