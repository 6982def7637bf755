import { Injectable, inject } from '@angular/core';
import type { CatalogImportResult, CatalogKind, CatalogVersionView } from '@sinergi/contracts';
import { Observable } from 'rxjs';
import { Api } from '../../core/api';
import { MAX_UPLOAD_BYTES } from '../../core/files';
import { BudgetCodesApi } from '../budget-codes/budget-codes.api';

/** Same limit as the server (`MAX_UPLOAD_BYTES`): a larger file is refused before it is sent. */
export const MAX_CATALOG_BYTES = MAX_UPLOAD_BYTES;

/** Columns each list needs (`REQUIRED_COLUMNS` of the server's row validator); extra columns are ignored. */
export const CATALOG_COLUMNS: Record<CatalogKind, readonly string[]> = {
  REGIONS: ['code', 'name'],
  APBD_NOMENCLATURE: ['code', 'level', 'name'],
  APBD_ACCOUNTS: ['code', 'level', 'name'],
  APBD_CROSSWALK: ['previous_code', 'code'],
  APBDES_ACTIVITIES: ['code', 'level', 'name'],
  APBDES_ACCOUNTS: ['code', 'level', 'name'],
  FUND_SOURCES: ['code', 'name'],
  RAN_STRATEGIES: ['code', 'name'],
};

export interface CatalogImportRequest {
  kind: CatalogKind;
  label: string;
  source: string;
  /** Make this the version new work uses. */
  current: boolean;
  inForceFrom?: number;
  /** Crosswalk only: move budget lines on retired codes now. */
  migrateTags?: boolean;
  file: File;
}

/** Catalogue versions (`GET /api/catalogs`) and the admin's import (`POST /api/catalogs/import`). */
@Injectable({ providedIn: 'root' })
export class CatalogsApi {
  private readonly api = inject(Api);
  private readonly codes = inject(BudgetCodesApi);

  /** Always read afresh; the code search's "Sumber katalog" then shows the same list. */
  versions(): Observable<CatalogVersionView[]> {
    return this.codes.refreshCatalogs();
  }

  /**
   * 201 with the counts; 422 `IMPORT_INVALID` with `details` = the rows in error (nothing is saved),
   * 400 `VALIDATION_FAILED` with `[{path, message}]`, 413 over 20 MB.
   */
  importCatalog(request: CatalogImportRequest): Observable<CatalogImportResult> {
    const form = new FormData();
    form.append('kind', request.kind);
    form.append('label', request.label);
    form.append('source', request.source);
    form.append('current', request.current ? 'true' : 'false');
    if (request.inForceFrom !== undefined) form.append('inForceFrom', String(request.inForceFrom));
    if (request.kind === 'APBD_CROSSWALK') form.append('migrateTags', request.migrateTags ? 'true' : 'false');
    // The file last: the fields arrive before multer reads the bytes.
    form.append('file', request.file, request.file.name);
    return this.api.postForm<CatalogImportResult>('/catalogs/import', form);
  }
}
