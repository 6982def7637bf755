import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { StrategyView } from '@sinergi/contracts';
import { ApiError } from '../../core/api-error';
import { AuthStore } from '../../core/auth.store';
import { MAX_UPLOAD_BYTES, formatBytes } from '../../core/files';
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

/** The inputs of the form, named as the server's `details` paths. */
type Field = 'file' | 'title' | 'regionCode';

/** The input's id for each field (`#import-…`). */
const FIELD_ID: Record<Field, string> = { file: 'import-file', title: 'import-title', regionCode: 'import-region' };
const XLSX_NAME = /\.xlsx$/i;

/** What a preview was made from: a change to any of them means checking again before saving. */
interface Checked {
  file: File;
  title: string;
  regionCode: string;
}

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
  protected readonly file = signal<File | null>(null);
  protected readonly title = signal('');
  protected readonly regionCode = signal(this.ownRegion);
  protected readonly submitted = signal(false);
  /** The request under way: the dry run or the commit. */
  protected readonly busy = signal<'check' | 'commit' | null>(null);
  protected readonly error = signal<ApiError | null>(null);

  // The preview
  protected readonly preview = signal<RadImportResult | null>(null);
  private readonly checked = signal<Checked | null>(null);
  protected readonly previewRegionName = signal('');
  private readonly strategies = signal<StrategyView[]>([]);

  protected readonly tooLarge = computed(() => {
    const f = this.file();
    return !!f && f.size > MAX_UPLOAD_BYTES;
  });
  /** Client-side checks; the server's `details` are shown the same way. */
  protected readonly problems = computed<Partial<Record<Field, string>>>(() => {
    const p: Partial<Record<Field, string>> = {};
    const f = this.file();
    if (!f) p.file = this.i18n.t('plans.import.file.required');
    else if (!XLSX_NAME.test(f.name)) p.file = this.i18n.t('plans.import.file.notXlsx', { name: f.name });
    else if (this.tooLarge()) p.file = this.i18n.t('plans.import.file.tooLarge', { name: f.name, size: this.size(f.size) });
    if (this.isAdmin() && !this.regionCode().trim()) p.regionCode = this.i18n.t('form.required');
    return p;
  });
  /** The inputs changed since the preview was made: it may no longer be what would be saved. */
  protected readonly stale = computed(() => {
    const c = this.checked();
    if (!c || !this.preview()) return false;
    return c.file !== this.file() || c.title !== this.title().trim() || c.regionCode !== this.sentRegion();
  });
  protected readonly previewTotal = computed(() => sumDigits((this.preview()?.rows ?? []).map((r) => r.totalCost)));

  /** The cells the server refused (422 IMPORT_INVALID). */
  protected readonly importErrors = computed(() => {
    const e = this.error();
    return e?.code === 'IMPORT_INVALID' ? e.importErrors : [];
  });
  /** The import's own wording for a refused file; other errors keep the message of their code. */
  protected readonly errorMessage = computed(() => {
    const e = this.error();
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
    const server = this.error()?.fieldError(field);
    if (server) return server;
    const local = this.problems()[field];
    if (!local) return null;
    return this.submitted() || (field === 'file' && !!this.file()) ? local : null;
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

  protected onFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    // The server's complaint and the preview were about the previous file.
    this.error.set(null);
    this.preview.set(null);
    this.checked.set(null);
  }

  /** Admins send the region they chose; planners leave it to the server (their own region). */
  private sentRegion(): string {
    return this.isAdmin() ? this.regionCode().trim() : '';
  }

  /** "Periksa": the dry run. */
  protected check(): void {
    if (this.busy()) return;
    this.submitted.set(true);
    this.error.set(null);
    this.preview.set(null);
    this.checked.set(null);
    const first = (Object.keys(FIELD_ID) as Field[]).find((f) => this.problems()[f]);
    const file = this.file();
    if (first || !file) {
      this.focus(FIELD_ID[first ?? 'file']);
      return;
    }
    const sent: Checked = { file, title: this.title().trim(), regionCode: this.sentRegion() };
    this.busy.set('check');
    if (!this.strategies().length) {
      this.api.strategies().subscribe({ next: (list) => this.strategies.set(list), error: () => undefined });
    }
    this.api.importMatrix({ file, title: sent.title || undefined, regionCode: sent.regionCode || undefined, dryRun: true }).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(result);
        this.checked.set(sent);
        this.describeRegion(result.regionCode);
        setTimeout(() => this.previewEl()?.nativeElement.focus());
      },
      error: (error: ApiError) => this.failed(error),
    });
  }

  /** "Simpan sebagai rencana baru": the same file and inputs, for real; then the new plan. */
  protected commit(): void {
    const c = this.checked();
    if (this.busy() || !c || this.stale()) return;
    this.error.set(null);
    this.busy.set('commit');
    this.api.importMatrix({ file: c.file, title: c.title || undefined, regionCode: c.regionCode || undefined, dryRun: false }).subscribe({
      next: (result) => {
        this.busy.set(null);
        if (result.id) void this.router.navigate(['/rencana-aksi', result.id]);
        else this.preview.set(result);
      },
      error: (error: ApiError) => {
        // Whatever the server refused now, the preview no longer stands.
        this.preview.set(null);
        this.checked.set(null);
        this.failed(error);
      },
    });
  }

  /** The form keeps every value (and the chosen file) so one fix and one click send it again. */
  private failed(error: ApiError): void {
    this.busy.set(null);
    this.error.set(error);
    const field = (Object.keys(FIELD_ID) as Field[]).find((f) => error.fieldError(f));
    if (field) this.focus(FIELD_ID[field]);
    else setTimeout(() => this.errorEl()?.nativeElement.focus());
  }

  private describeRegion(code: string): void {
    this.previewRegionName.set('');
    this.regions.get(code).subscribe({
      next: (r) => {
        if (this.preview()?.regionCode === code) this.previewRegionName.set(r.name);
      },
      error: () => undefined,
    });
  }

  private focus(id: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}
