import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { StrategyView } from '@sinergi/contracts';
import { AuthStore } from '../../core/auth.store';
import { formatBytes } from '../../core/files';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { RegionPicker } from '../../shared/region-picker';
import { TextField } from '../../shared/text-field';
import { RegionsApi } from '../regions/regions.api';
import { sumDigits } from './plan-utils';
import { PlansApi, RadImportResult } from './plans.api';
import { ImportErrors } from '../../shared/import-errors';
import { UploadCheck } from '../../shared/upload-check';

/** The inputs of the form, named as the server's `details` paths. */
type Field = 'file' | 'title' | 'regionCode';

/** The input's id for each field (`#import-…`). */
const FIELD_ID: Record<Field, string> = { file: 'import-file', title: 'import-title', regionCode: 'import-region' };
const XLSX_NAME = /\.xlsx$/i;

/**
 * `/rencana-aksi/impor` (planners, admins): a region's existing RAD matrix in Excel becomes a new draft
 * plan. "Periksa" sends it as a dry run and shows what would be created (activities, new supporting
 * institutions, warnings); "Simpan sebagai rencana baru" sends the same file for real and opens the plan.
 * A refused file lists every problem by sheet, row and column, and keeps the chosen file for a retry.
 */
@Component({
  selector: 'app-plan-import',
  imports: [RouterLink, TPipe, Icon, MoneyPipe, DataTable, ErrorAlert, RegionPicker, TextField, ImportErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-import.html',
  styleUrl: './plan-import.css',
})
export class PlanImport {
  private readonly api = inject(PlansApi);
  private readonly regions = inject(RegionsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly previewEl = viewChild<ElementRef<HTMLElement>>('preview');
  private readonly errorEl = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected readonly isAdmin = computed(() => this.auth.hasRole('admin'));
  protected readonly ownRegion = this.auth.user()?.regionCode ?? '';
  protected readonly ownRegionName = signal('');

  protected readonly rowColumns: readonly TableColumn[] = [
    num('plans.import.col.row'), 'plans.import.col.strategy', 'plans.import.col.activity', 'plans.import.col.lead', num('plans.import.col.total'),
  ];
  protected readonly shownFields: readonly string[] = Object.keys(FIELD_ID);

  // The form
  protected readonly title = signal('');
  protected readonly regionCode = signal(this.ownRegion);
  /** The file, its check and the request under way; a change to the file, title or region means checking again before saving. */
  protected readonly upload = new UploadCheck<RadImportResult, { title: string; regionCode: string }>({
    accept: XLSX_NAME,
    required: () => this.i18n.t('plans.import.file.required'),
    wrongType: (name) => this.i18n.t('plans.import.file.notXlsx', { name }),
    tooLarge: (name, size) => this.i18n.t('plans.import.file.tooLarge', { name, size }),
    size: (bytes) => this.size(bytes),
    context: () => ({ title: this.title().trim(), regionCode: this.sentRegion() }),
    fields: Object.keys(FIELD_ID),
    input: (field) => this.host.nativeElement.querySelector<HTMLElement>(`#${FIELD_ID[field as Field]}`),
    errorBox: () => this.errorEl()?.nativeElement,
    previewBox: () => this.previewEl()?.nativeElement,
  });

  // The preview
  protected readonly previewRegionName = signal('');
  private readonly strategies = signal<StrategyView[]>([]);

  /** The client's check of the region (the file's is `upload.problem`); the server's `details` are shown the same way. */
  protected readonly regionProblem = computed(() =>
    this.isAdmin() && !this.regionCode().trim() ? this.i18n.t('form.required') : null,
  );
  protected readonly previewTotal = computed(() => sumDigits((this.upload.preview()?.rows ?? []).map((r) => r.totalCost)));

  /** The import's own wording for a refused file; other errors keep the message of their code. */
  protected readonly errorMessage = computed(() => {
    const e = this.upload.error();
    if (e?.code !== 'IMPORT_INVALID') return null;
    return e.importErrors.some((x) => x.row > 0)
      ? this.i18n.t('plans.import.error.rows', { message: e.message.replace(/\.$/, '') })
      : this.i18n.t('plans.import.error.unreadable', { message: e.message });
  });
  protected readonly fieldLabel = (path: string): string => {
    const key: Partial<Record<string, TKey>> = { file: 'plans.import.file', title: 'plans.import.name', regionCode: 'plans.import.region' };
    const k = key[path.split('.')[0]];
    return k ? this.i18n.t(k) : path;
  };

  constructor() {
    if (this.ownRegion) {
      this.regions.get(this.ownRegion).subscribe({ next: (r) => this.ownRegionName.set(r.name), error: () => undefined });
    }
  }

  /** The server's message for a field, else ours (a wrong or too large file at once, the rest after "Periksa"). */
  protected fieldError(field: Field): string | null {
    if (field === 'file') return this.upload.fileError();
    const server = this.upload.error()?.fieldError(field);
    if (server) return server;
    return field === 'regionCode' && this.upload.submitted() ? this.regionProblem() : null;
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected count(n: number): string {
    return n.toLocaleString(this.i18n.locale());
  }

  protected strategyName(code: number): string {
    const s = this.strategies().find((x) => x.code === code);
    if (!s) return String(code);
    return `${code}. ${this.i18n.lang() === 'en' ? s.nameEn : s.name}`;
  }

  /** Admins send the region they chose; planners leave it to the server (their own region). */
  private sentRegion(): string {
    return this.isAdmin() ? this.regionCode().trim() : '';
  }

  /** "Periksa": the dry run. */
  protected check(): void {
    const sent = this.upload.begin();
    if (!sent) return;
    if (this.regionProblem()) {
      this.focus(FIELD_ID.regionCode);
      return;
    }
    if (!this.strategies().length) {
      this.api.strategies().subscribe({ next: (list) => this.strategies.set(list), error: () => undefined });
    }
    const { title, regionCode } = sent.context;
    this.upload.dryRun(
      sent,
      this.api.importMatrix({ file: sent.file, title: title || undefined, regionCode: regionCode || undefined, dryRun: true }),
      (result) => this.describeRegion(result.regionCode),
    );
  }

  /** "Simpan sebagai rencana baru": the same file and inputs, for real; then the new plan. */
  protected commit(): void {
    this.upload.commit(
      ({ file, context: { title, regionCode } }) =>
        this.api.importMatrix({ file, title: title || undefined, regionCode: regionCode || undefined, dryRun: false }),
      (result) => {
        if (result.id) void this.router.navigate(['/rencana-aksi', result.id]);
        else this.upload.preview.set(result);
      },
    );
  }

  private describeRegion(code: string): void {
    this.previewRegionName.set('');
    this.regions.get(code).subscribe({
      next: (r) => {
        if (this.upload.preview()?.regionCode === code) this.previewRegionName.set(r.name);
      },
      error: () => undefined,
    });
  }

  private focus(id: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}
