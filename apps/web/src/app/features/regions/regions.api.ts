import { Injectable, inject } from '@angular/core';
import type { RegionDetail, RegionLevel, RegionView } from '@sinergi/contracts';
import { Observable, catchError, map, of, shareReplay, throwError } from 'rxjs';
import { Api, seg } from '../../core/api';
import { ApiError } from '../../core/api-error';

/**
 * One hit of `GET /api/regions?q=`: the region with its ancestors (province first). Not in
 * @sinergi/contracts (RegionDetail also carries childCount, which search results do not).
 */
export interface RegionSearchHit extends RegionView {
  path: RegionView[];
  childCount?: number;
}

/** Region codes are Kemendagri codes: `53`, `53.01`, `53.01.04`, `53.01.04.2003`. */
export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** Ancestors without the region itself, whether or not the server includes it in `path`. */
export function ancestorsOf(region: { code: string; path?: RegionView[] }): RegionView[] {
  return (region.path ?? []).filter((p) => p.code !== region.code);
}

/** "Oesao · Kupang Timur · Kabupaten Kupang · Nusa Tenggara Timur" (the region first, province last). */
export function regionTrail(region: { code: string; name: string; path?: RegionView[] }): string {
  return [region.name, ...ancestorsOf(region).map((p) => p.name).reverse()].join(' · ');
}

/**
 * Region reference data changes only with a new catalogue import, so answers are kept for the
 * visit: going back up the tree costs no second request on a slow connection.
 */
@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly api = inject(Api);
  private readonly cache = new Map<string, Observable<unknown>>();

  provinces(): Observable<RegionView[]> {
    return this.cached('provinces', () => this.api.get<RegionView[]>('/regions'));
  }

  children(parentCode: string): Observable<RegionView[]> {
    return this.cached(`children:${parentCode}`, () => this.api.get<RegionView[]>('/regions', { parent: parentCode }));
  }

  get(code: string): Observable<RegionDetail> {
    return this.cached(`detail:${code}`, () => this.api.get<RegionDetail>(`/regions/${seg(code)}`));
  }

  /** Name search (each word matches the start of a word of the name); optional level and enclosing region. */
  search(q: string, options: { limit?: number; level?: RegionLevel; within?: string } = {}): Observable<RegionSearchHit[]> {
    return this.api.get<RegionSearchHit[]>('/regions', { q, limit: options.limit ?? 20, level: options.level, within: options.within });
  }

  /** A typed code (`53.01`) is looked up directly; words are searched by name. */
  find(q: string, options: { limit?: number; level?: RegionLevel; within?: string } = {}): Observable<RegionSearchHit[]> {
    if (!REGION_CODE_PATTERN.test(q)) return this.search(q, options);
    return this.get(q).pipe(
      map((r): RegionSearchHit[] => [r]),
      catchError((error: unknown) =>
        error instanceof ApiError && error.code === 'NOT_FOUND' ? of<RegionSearchHit[]>([]) : throwError(() => error),
      ),
    );
  }

  private cached<T>(key: string, load: () => Observable<T>): Observable<T> {
    let hit = this.cache.get(key) as Observable<T> | undefined;
    if (!hit) {
      hit = load().pipe(
        catchError((error: unknown) => {
          this.cache.delete(key);
          return throwError(() => error);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(key, hit);
      if (this.cache.size > 300) this.cache.delete(this.cache.keys().next().value as string);
    }
    return hit;
  }
}
