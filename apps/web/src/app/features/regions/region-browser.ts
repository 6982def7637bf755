import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { RegionDetail, RegionView } from '@sinergi/contracts';
import { Observable, catchError, concat, debounceTime, distinctUntilChanged, forkJoin, map, of, switchMap } from 'rxjs';
import { REGION_LEVEL_LABEL } from '../../core/access';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { EmptyState } from '../../shared/empty-state';
import { Icon } from '../../shared/icon';
import { LoadError } from '../../shared/load-error';
import { Loading } from '../../shared/loading';
import { RegionSearchHit, RegionsApi, ancestorsOf } from './regions.api';

type Level = { status: 'loading' } | { status: 'ok'; detail: RegionDetail | null; children: RegionView[] } | { status: 'error'; error: ApiError };
type Search = { status: 'idle' } | { status: 'loading'; q: string } | { status: 'ok'; q: string; hits: RegionSearchHit[] } | { status: 'error'; q: string; error: ApiError };

const MIN_QUERY = 2;

@Component({
  selector: 'app-region-browser',
  imports: [RouterLink, TPipe, Icon, ErrorAlert, EmptyState, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './region-browser.html',
  styleUrl: './region-browser.css',
})
export class RegionBrowser {
  private readonly regions = inject(RegionsApi);
  private readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);

  /** Route parameter `/wilayah/:code`; absent at the top (the provinces). */
  readonly code = input<string>();

  protected readonly levelLabel = REGION_LEVEL_LABEL;
  protected readonly ancestorsOf = ancestorsOf;
  /** "Kupang Timur · Kabupaten Kupang · Nusa Tenggara Timur": nearest ancestor first. */
  protected ancestorTrail(hit: RegionSearchHit): string {
    return ancestorsOf(hit).map((p) => p.name).reverse().join(' · ');
  }
  protected readonly query = signal('');
  protected readonly level = signal<Level>({ status: 'loading' });
  protected readonly search = signal<Search>({ status: 'idle' });
  private readonly reload = signal(0);

  protected readonly trimmed = computed(() => this.query().trim());
  protected readonly searching = computed(() => this.trimmed().length >= MIN_QUERY);
  protected readonly tooShort = computed(() => this.trimmed().length > 0 && !this.searching());
  protected readonly detail = computed(() => {
    const level = this.level();
    return level.status === 'ok' ? level.detail : null;
  });
  protected readonly crumbs = computed(() => {
    const detail = this.detail();
    return detail ? ancestorsOf(detail) : [];
  });
  protected readonly ownRegions = computed(() => {
    const user = this.auth.user();
    return [user?.regionCode, user?.villageCode].filter((c): c is string => !!c && c !== this.code());
  });

  /** Announced politely to screen readers. */
  protected readonly status = computed(() => {
    const search = this.search();
    if (this.searching()) {
      if (search.status === 'ok' && search.q === this.trimmed()) {
        return this.i18n.plural('regions.results.one', 'regions.results.other', search.hits.length, { q: search.q });
      }
      return this.i18n.t('common.searching');
    }
    const level = this.level();
    if (level.status === 'ok') {
      return this.i18n.plural('regions.children.one', 'regions.children.other', level.children.length);
    }
    return level.status === 'loading' ? this.i18n.t('common.loading') : '';
  });

  constructor() {
    const code$ = toObservable(computed(() => ({ code: this.code() ?? null, reload: this.reload() })));
    code$
      .pipe(
        switchMap(({ code }) => {
          const load: Observable<{ detail: RegionDetail | null; children: RegionView[] }> = code
            ? forkJoin({ detail: this.regions.get(code), children: this.regions.children(code) })
            : this.regions.provinces().pipe(map((children) => ({ detail: null, children })));
          return concat(
            of<Level>({ status: 'loading' }),
            load.pipe(
              map((r): Level => ({ status: 'ok', detail: r.detail, children: r.children })),
              catchError((error: ApiError) => of<Level>({ status: 'error', error })),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((level) => this.level.set(level));

    toObservable(this.trimmed)
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length < MIN_QUERY
            ? of<Search>({ status: 'idle' })
            : concat(
                of<Search>({ status: 'loading', q }),
                this.regions.find(q, { limit: 20 }).pipe(
                  map((hits): Search => ({ status: 'ok', q, hits })),
                  catchError((error: ApiError) => of<Search>({ status: 'error', q, error })),
                ),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((search) => this.search.set(search));
  }

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected clear(): void {
    this.query.set('');
  }

  protected retry(): void {
    this.reload.update((n) => n + 1);
  }

  protected isNotFound(error: ApiError): boolean {
    return error.code === 'NOT_FOUND';
  }
}
