import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { CATALOG_KINDS, CatalogImportResult, CatalogKind, CatalogVersionView } from '@sinergi/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { formatBytes } from '../../core/files';
import { FormatDatePipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { ListStatus } from '../../shared/list-status';
import { TextField } from '../../shared/text-field';
import { CATALOG_COLUMNS, CatalogsApi, MAX_CATALOG_BYTES } from './catalogs.api';
import { ImportErrors } from '../../shared/import-errors';

type VersionList =
  | { status: 'loading' }
  | { status: 'ok'; items: CatalogVersionView[] }
  | { status: 'error'; error: ApiError };

/** The inputs of the import form, named as the server's `details` paths. */
type Field = 'kind' | 'label' | 'source' | 'inForceFrom' | 'current' | 'migrateTags' | 'file';

export const CATALOG_KIND_LABEL: Record<CatalogKind, TKey> = {
  REGIONS: 'admin.catalogs.kind.REGIONS',
  APBD_NOMENCLATURE: 'admin.catalogs.kind.APBD_NOMENCLATURE',
  APBD_ACCOUNTS: 'admin.catalogs.kind.APBD_ACCOUNTS',
  APBD_CROSSWALK: 'admin.catalogs.kind.APBD_CROSSWALK',
  APBDES_ACTIVITIES: 'admin.catalogs.kind.APBDES_ACTIVITIES',
  APBDES_ACCOUNTS: 'admin.catalogs.kind.APBDES_ACCOUNTS',
  FUND_SOURCES: 'admin.catalogs.kind.FUND_SOURCES',
  RAN_STRATEGIES: 'admin.catalogs.kind.RAN_STRATEGIES',
};

/** The input's id for each field (`#catalog-…`). */
const FIELD_ID: Record<Field, string> = {
  kind: 'catalog-kind',
  label: 'catalog-label',
  source: 'catalog-source',
  inForceFrom: 'catalog-in-force',
  current: 'catalog-current',
  migrateTags: 'catalog-migrate',
  file: 'catalog-file',
};
const YEAR = /^\d{4}$/;

/**
 * "Katalog kode" (admins): the versions of every code list, grouped by kind, and the import of a new
 * official edition (CSV or xlsx). A refused file lists its rows in error; nothing was saved then.
 */
@Component({
  selector: 'app-admin-catalogs',
  imports: [TPipe, Icon, FormatDatePipe, DataTable, ErrorAlert, ListStatus, TextField, ImportErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalogs.html',
  styleUrls: ['./admin-page.css', './catalogs.css'],
})
export class Catalogs {
  private readonly api = inject(CatalogsApi);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly resultEl = viewChild<ElementRef<HTMLElement>>('result');

  protected readonly kinds = CATALOG_KINDS;
  protected readonly kindLabel = CATALOG_KIND_LABEL;
  protected readonly columns: readonly TableColumn[] = [
    'admin.catalogs.col.label', 'admin.catalogs.col.source', num('admin.catalogs.col.rows'), 'admin.catalogs.col.imported',
  ];
  protected readonly shownFields: readonly string[] = Object.keys(FIELD_ID);

  // The versions
  protected readonly list = signal<VersionList>({ status: 'loading' });
  /** The list is read again after an import; the rows stay on screen meanwhile. */
  protected readonly refreshing = signal(false);
  private readonly reloads = signal(0);
  protected readonly groups = computed(() => {
    const l = this.list();
    if (l.status !== 'ok') return [];
    return this.kinds.map((kind) => ({ kind, versions: l.items.filter((v) => v.kind === kind) }));
  });
  protected readonly status = computed(() => {
    const l = this.list();
    if (l.status === 'loading') return this.i18n.t('common.loading');
    if (l.status === 'error') return '';
    return this.i18n.plural('admin.catalogs.count.one', 'admin.catalogs.count.other', l.items.length);
  });

  // The import form
  protected readonly kind = signal<CatalogKind>('APBD_NOMENCLATURE');
  protected readonly label = signal('');
  protected readonly source = signal('');
  protected readonly inForce = signal('');
  protected readonly current = signal(true);
  protected readonly migrate = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly submitted = signal(false);
  protected readonly uploading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly result = signal<CatalogImportResult | null>(null);

  protected readonly requiredColumns = computed(() => CATALOG_COLUMNS[this.kind()].join(', '));
  protected readonly tooLarge = computed(() => {
    const f = this.file();
    return !!f && f.size > MAX_CATALOG_BYTES;
  });
  /** Client-side checks; the server's `details` are shown the same way. */
  protected readonly problems = computed<Partial<Record<Field, string>>>(() => {
    const p: Partial<Record<Field, string>> = {};
    if (!this.label().trim()) p.label = this.i18n.t('form.required');
    if (!this.source().trim()) p.source = this.i18n.t('form.required');
    const year = this.inForce().trim();
    if (year && (!YEAR.test(year) || +year < 2000 || +year > 2100)) p.inForceFrom = this.i18n.t('admin.catalogs.import.inForce.invalid');
    const f = this.file();
    if (!f) p.file = this.i18n.t('admin.catalogs.import.file.required');
    else if (this.tooLarge()) p.file = this.i18n.t('admin.catalogs.import.file.tooLarge', { name: f.name, size: this.size(f.size) });
    return p;
  });
  /** The rows the server refused (422 IMPORT_INVALID). */
  protected readonly importErrors = computed(() => {
    const e = this.error();
    return e?.code === 'IMPORT_INVALID' ? e.importErrors : [];
  });
  /** The import's own wording for a refused file; other errors keep the message of their code. */
  protected readonly errorMessage = computed(() => {
    const e = this.error();
    if (e?.code !== 'IMPORT_INVALID') return null;
    return e.importErrors.length
      ? this.i18n.t('admin.catalogs.error.rows', { message: e.message.replace(/\.$/, '') })
      : this.i18n.t('admin.catalogs.error.unreadable', { message: e.message });
  });
  protected readonly fieldLabel = (path: string): string => {
    const key: Partial<Record<string, TKey>> = {
      kind: 'admin.catalogs.import.kind',
      label: 'admin.catalogs.import.label',
      source: 'admin.catalogs.import.source',
      inForceFrom: 'admin.catalogs.import.inForce',
      current: 'admin.catalogs.import.current',
      migrateTags: 'admin.catalogs.import.migrate',
      file: 'admin.catalogs.import.file',
    };
    const k = key[path.split('.')[0]];
    return k ? this.i18n.t(k) : path;
  };

  constructor() {
    toObservable(this.reloads)
      .pipe(
        switchMap(() =>
          this.api.versions().pipe(
            map((items): VersionList => ({ status: 'ok', items })),
            catchError((error: ApiError) => of<VersionList>({ status: 'error', error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => {
        this.refreshing.set(false);
        // A failed refresh after an import keeps the rows already shown.
        if (list.status === 'error' && this.list().status === 'ok' && this.reloads() > 0) return;
        this.list.set(list);
      });
  }

  protected reload(): void {
    if (this.list().status !== 'ok') this.list.set({ status: 'loading' });
    this.refreshing.set(true);
    this.reloads.update((n) => n + 1);
  }

  /** The server's message for a field, else ours (a file over 20 MB at once, the rest after submit). */
  protected fieldError(field: Field): string | null {
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    if (!local) return null;
    return this.submitted() || (field === 'file' && this.tooLarge()) ? local : null;
  }

  protected count(n: number): string {
    return n.toLocaleString(this.i18n.locale());
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected onKind(event: Event): void {
    this.kind.set(this.value(event) as CatalogKind);
  }

  protected onFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    // The server's complaint (its rows, its size) was about the previous file.
    const e = this.error();
    if (e && (e.code === 'IMPORT_INVALID' || e.code === 'PAYLOAD_TOO_LARGE' || e.fieldError('file'))) this.error.set(null);
  }

  protected submit(): void {
    if (this.uploading()) return;
    this.submitted.set(true);
    this.error.set(null);
    this.result.set(null);
    const first = (Object.keys(FIELD_ID) as Field[]).find((f) => this.problems()[f]);
    const file = this.file();
    if (first || !file) {
      this.focus(FIELD_ID[first ?? 'file']);
      return;
    }
    const kind = this.kind();
    const year = this.inForce().trim();
    this.uploading.set(true);
    this.api
      .importCatalog({
        kind,
        label: this.label().trim(),
        source: this.source().trim(),
        current: this.current(),
        inForceFrom: year ? Number(year) : undefined,
        migrateTags: kind === 'APBD_CROSSWALK' && this.migrate(),
        file,
      })
      .subscribe({
        next: (result) => {
          this.uploading.set(false);
          this.result.set(result);
          this.resetForm();
          this.reload();
          setTimeout(() => this.resultEl()?.nativeElement.focus());
        },
        error: (error: ApiError) => {
          // The form keeps every value (and the chosen file) so one fix and one click send it again.
          this.uploading.set(false);
          this.error.set(error);
          const field = (Object.keys(FIELD_ID) as Field[]).find((f) => error.fieldError(f));
          if (field) this.focus(FIELD_ID[field]);
        },
      });
  }

  /** After a successful import: ready for the next file of the same kind. */
  private resetForm(): void {
    this.label.set('');
    this.source.set('');
    this.inForce.set('');
    this.current.set(true);
    this.migrate.set(false);
    this.file.set(null);
    this.submitted.set(false);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }

  /** The header button: to the form below the (long) list of versions. */
  protected toImport(): void {
    const select = this.host.nativeElement.querySelector<HTMLElement>('#catalog-kind');
    select?.scrollIntoView({ block: 'center' });
    select?.focus({ preventScroll: true });
  }

  private focus(id: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  protected kindName(kind: CatalogKind): string {
    return this.i18n.t(CATALOG_KIND_LABEL[kind]);
  }
}
