import { Injectable, inject } from '@angular/core';
import type { BudgetCodeKind, BudgetCodeLevel, BudgetCodeView, CatalogVersionView, GovernmentLevel } from '@sinergi/contracts';
import { Observable, catchError, shareReplay, throwError } from 'rxjs';
import { Api } from '../../core/api';

export interface BudgetCodeQuery {
  q: string;
  kind: BudgetCodeKind;
  level?: BudgetCodeLevel | null;
  /** APBD only: codes of province or of regency/city government. */
  governmentLevel?: GovernmentLevel | null;
  limit?: number;
}

@Injectable({ providedIn: 'root' })
export class BudgetCodesApi {
  private readonly api = inject(Api);
  private catalogs$?: Observable<CatalogVersionView[]>;

  /** Ranked by relevance to `q` (a code prefix or words of the name). */
  search(query: BudgetCodeQuery): Observable<BudgetCodeView[]> {
    return this.api.get<BudgetCodeView[]>('/budget-codes', {
      q: query.q,
      kind: query.kind,
      level: query.level,
      governmentLevel: query.governmentLevel,
      limit: query.limit ?? 20,
    });
  }

  /** The imported catalogue versions ("Sumber katalog"); kept for the visit. */
  catalogs(): Observable<CatalogVersionView[]> {
    this.catalogs$ ??= this.api.get<CatalogVersionView[]>('/catalogs').pipe(
      catchError((error: unknown) => {
        this.catalogs$ = undefined;
        return throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.catalogs$;
  }

  /** Reads the versions again (after an import) and keeps the fresh list for the visit. */
  refreshCatalogs(): Observable<CatalogVersionView[]> {
    this.catalogs$ = undefined;
    return this.catalogs();
  }
}
