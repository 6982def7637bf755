import {
  DOCUMENT,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  APBDES_CODE_LEVELS,
  APBD_CODE_LEVELS,
  BudgetCodeKind,
  BudgetCodeLevel,
  BudgetCodeView,
  CatalogKind,
  GovernmentLevel,
} from '@sinergi/contracts';
import { catchError, concat, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { CODE_LEVEL_LABEL, GOVERNMENT_LEVEL_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { FormatDatePipe, formatCount } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { copyText } from '../../shared/clipboard';
import { ErrorAlert } from '../../shared/error-alert';
import { EmptyState } from '../../shared/empty-state';
import { Icon } from '../../shared/icon';
import { Loading } from '../../shared/loading';
import { BudgetCodesApi } from './budget-codes.api';

interface Criteria {
  q: string;
  kind: BudgetCodeKind;
  level: BudgetCodeLevel | '';
  gov: GovernmentLevel | '';
  limit: number;
}

type Results =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ok'; key: string; criteria: Criteria; items: BudgetCodeView[] }
  | { status: 'error'; key: string; error: ApiError };

interface Segment {
  text: string;
  hit: boolean;
}

const MIN_QUERY = 2;
const PAGE = 20;
const MAX_LIMIT = 100;
const CATALOG_OF_KIND: Record<BudgetCodeKind, CatalogKind> = { APBD: 'APBD_NOMENCLATURE', APBDES: 'APBDES_ACTIVITIES' };

const keyOf = (c: Criteria) => `${c.kind}|${c.level}|${c.gov}|${c.limit}|${c.q}`;

function isKind(value: unknown): value is BudgetCodeKind {
  return value === 'APBD' || value === 'APBDES';
}

function levelsOf(kind: BudgetCodeKind): readonly BudgetCodeLevel[] {
  return kind === 'APBD' ? APBD_CODE_LEVELS : APBDES_CODE_LEVELS;
}

/** Splits `text` around the words of the query so they can be marked without innerHTML. */
function highlight(text: string, q: string): Segment[] {
  const words = q
    .split(/\s+/)
    .filter((w) => w.length >= 2)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [{ text, hit: false }];
  const pattern = new RegExp(`(${words.join('|')})`, 'gi');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, hit: words.some((w) => new RegExp(`^${w}$`, 'i').test(part)) }));
}

@Component({
  selector: 'app-code-search',
  imports: [TPipe, Icon, ErrorAlert, FormatDatePipe, EmptyState, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './code-search.html',
  styleUrl: './code-search.css',
})
export class CodeSearch {
  private readonly api = inject(BudgetCodesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);

  protected readonly levelLabel = CODE_LEVEL_LABEL;
  protected readonly governmentLabel = GOVERNMENT_LEVEL_LABEL;
  protected readonly kinds: readonly BudgetCodeKind[] = ['APBD', 'APBDES'];

  protected readonly query = signal('');
  protected readonly kind = signal<BudgetCodeKind>('APBD');
  protected readonly level = signal<BudgetCodeLevel | ''>('');
  protected readonly gov = signal<GovernmentLevel | ''>('');
  protected readonly govLevels: readonly GovernmentLevel[] = ['province', 'regency'];
  protected readonly limit = signal(PAGE);
  protected readonly results = signal<Results>({ status: 'idle' });
  protected readonly active = signal(-1);
  protected readonly copied = signal<{ code: string; ok: boolean } | null>(null);
  private copiedTimer?: ReturnType<typeof setTimeout>;
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly levels = computed(() => levelsOf(this.kind()));
  protected readonly criteria = computed<Criteria>(() => ({
    q: this.query().trim(),
    kind: this.kind(),
    level: this.level(),
    gov: this.kind() === 'APBD' ? this.gov() : '',
    limit: this.limit(),
  }));
  protected readonly tooShort = computed(() => {
    const q = this.criteria().q;
    return q.length > 0 && q.length < MIN_QUERY;
  });
  /** Results that belong to what is in the input now (not the previous query while debouncing). */
  protected readonly items = computed(() => {
    const r = this.results();
    return r.status === 'ok' ? r.items : [];
  });
  protected readonly current = computed(() => {
    const r = this.results();
    return r.status !== 'idle' && r.key === keyOf(this.criteria());
  });
  protected readonly canLoadMore = computed(() => {
    const r = this.results();
    return r.status === 'ok' && r.items.length >= r.criteria.limit && r.criteria.limit < MAX_LIMIT;
  });
  protected readonly activeId = computed(() => (this.active() >= 0 && this.items().length ? `code-result-${this.active()}` : null));

  protected readonly status = computed(() => {
    const r = this.results();
    const q = this.criteria().q;
    if (q.length < MIN_QUERY) return '';
    if (r.status === 'ok' && this.current()) {
      const count = formatCount(r.items.length);
      if (r.items.length === 0) return this.i18n.t('codes.count.none');
      return r.items.length >= r.criteria.limit
        ? this.i18n.t('codes.count.top', { count })
        : this.i18n.plural('codes.count.one', 'codes.count.other', r.items.length);
    }
    if (r.status === 'error' && this.current()) return '';
    return this.i18n.t('common.searching');
  });

  private readonly catalogs = toSignal(this.api.catalogs().pipe(catchError(() => of(null))), { initialValue: undefined });
  protected readonly catalog = computed(() => {
    const list = this.catalogs();
    if (!list) return list;
    const kind = CATALOG_OF_KIND[this.kind()];
    return list.find((c) => c.kind === kind && c.current) ?? list.find((c) => c.kind === kind) ?? null;
  });

  constructor() {
    const params = this.route.snapshot.queryParamMap;
    const kind = params.get('kind');
    if (isKind(kind)) this.kind.set(kind);
    const level = params.get('level');
    if (level && levelsOf(this.kind()).includes(level as BudgetCodeLevel)) this.level.set(level as BudgetCodeLevel);
    const gov = params.get('gov');
    if (gov === 'province' || gov === 'regency') this.gov.set(gov);
    this.query.set(params.get('q') ?? '');

    toObservable(this.criteria)
      .pipe(
        debounceTime(250),
        distinctUntilChanged((a, b) => keyOf(a) === keyOf(b)),
        tap((c) => this.syncUrl(c)),
        // switchMap cancels the request still in flight for the previous query.
        switchMap((c) => {
          if (c.q.length < MIN_QUERY) return of<Results>({ status: 'idle' });
          const key = keyOf(c);
          return concat(
            of<Results>({ status: 'loading', key }),
            this.api.search({ q: c.q, kind: c.kind, level: c.level || null, governmentLevel: c.gov || null, limit: c.limit }).pipe(
              map((items): Results => ({ status: 'ok', key, criteria: c, items })),
              catchError((error: ApiError) => of<Results>({ status: 'error', key, error })),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((results) => {
        const previous = this.results();
        this.results.set(results);
        // Loading more keeps the place; a new search starts over.
        if (results.status === 'ok' && !(previous.status === 'ok' && previous.criteria.q === results.criteria.q
          && previous.criteria.kind === results.criteria.kind && previous.criteria.level === results.criteria.level
          && previous.criteria.gov === results.criteria.gov)) {
          this.active.set(-1);
        }
      });

    inject(DestroyRef).onDestroy(() => clearTimeout(this.copiedTimer));
    // The page exists to type into: start there.
    afterNextRender(() => this.searchInput().nativeElement.focus());
  }

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.limit.set(PAGE);
    this.active.set(-1);
    this.copied.set(null);
  }

  protected setKind(kind: BudgetCodeKind): void {
    if (kind === this.kind()) return;
    this.kind.set(kind);
    if (this.level() && !levelsOf(kind).includes(this.level() as BudgetCodeLevel)) this.level.set('');
    this.limit.set(PAGE);
    this.active.set(-1);
  }

  protected setLevel(event: Event): void {
    this.level.set((event.target as HTMLSelectElement).value as BudgetCodeLevel | '');
    this.limit.set(PAGE);
    this.active.set(-1);
  }

  protected setGov(event: Event): void {
    this.gov.set((event.target as HTMLSelectElement).value as GovernmentLevel | '');
    this.limit.set(PAGE);
    this.active.set(-1);
  }

  protected loadMore(): void {
    this.limit.update((l) => Math.min(MAX_LIMIT, l + PAGE * 2));
  }

  protected segments(text: string): Segment[] {
    return highlight(text, this.criteria().q);
  }

  /** Combobox keys: the focus stays in the input, the active row is `aria-activedescendant`. */
  protected onKeydown(event: KeyboardEvent): void {
    const count = this.items().length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        this.moveTo(this.active() < 0 ? 0 : Math.min(count - 1, this.active() + 1));
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        this.moveTo(this.active() <= 0 ? 0 : this.active() - 1);
        break;
      case 'PageDown':
        if (!count) return;
        event.preventDefault();
        this.moveTo(Math.min(count - 1, Math.max(0, this.active()) + 10));
        break;
      case 'PageUp':
        if (!count) return;
        event.preventDefault();
        this.moveTo(Math.max(0, this.active() - 10));
        break;
      case 'Enter': {
        event.preventDefault();
        if (!count || !this.current()) return;
        const index = this.active() >= 0 ? this.active() : 0;
        this.active.set(index);
        void this.copy(this.items()[index].code);
        break;
      }
      case 'Escape':
        if (this.active() >= 0) {
          this.active.set(-1);
        } else {
          this.query.set('');
        }
        break;
    }
  }

  protected onRowClick(index: number, code: string): void {
    this.active.set(index);
    void this.copy(code);
  }

  private moveTo(index: number): void {
    this.active.set(index);
    this.document.getElementById(`code-result-${index}`)?.scrollIntoView({ block: 'nearest' });
  }

  protected async copy(code: string): Promise<void> {
    const ok = await copyText(code);
    this.copied.set({ code, ok });
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => this.copied.set(null), 4000);
  }

  private syncUrl(c: Criteria): void {
    // Never compete with a navigation the user started (a nav click during the debounce would
    // otherwise be cancelled and they would land back here), and skip a no-op.
    if (this.router.currentNavigation()) return;
    const current = this.route.snapshot.queryParamMap;
    if ((current.get('q') ?? '') === c.q && (current.get('kind') ?? 'APBD') === c.kind && (current.get('level') ?? '') === (c.level || '') && (current.get('gov') ?? '') === (c.gov || '')) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: c.q || null, kind: c.kind === 'APBD' ? null : c.kind, level: c.level || null, gov: c.gov || null },
      replaceUrl: true,
    });
  }
}
