import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { ApiError } from '../../core/api-error';
import { MAX_UPLOAD_BYTES, formatBytes, saveBlob } from '../../core/files';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { AllocationSheetResult, AllocationsApi } from './allocations.api';
import { ImportErrors } from '../../shared/import-errors';

const XLSX_NAME = /\.xlsx$/i;

/** What a preview was made from: another file, plan or agency means checking again before saving. */
interface Checked {
  file: File;
  planId: string;
  agencyId: string;
}

/**
 * The agency grid's Excel round trip (writers only): "Unduh lembar alokasi" downloads the agency's
 * activities × years of the plan, prefilled with its lines; the filled-in sheet is checked first (a dry
 * run counting new, changed and unchanged lines), then saved. A refused sheet lists every problem by
 * sheet, row and column and keeps the chosen file.
 */
@Component({
  selector: 'app-allocation-sheet-panel',
  imports: [TPipe, Icon, ErrorAlert, ImportErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './allocation-sheet-panel.html',
  styleUrl: './allocation-sheet-panel.css',
})
export class AllocationSheetPanel {
  private readonly api = inject(AllocationsApi);
  private readonly i18n = inject(I18n);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly previewEl = viewChild<ElementRef<HTMLElement>>('preview');
  private readonly errorEl = viewChild<ElementRef<HTMLElement>>('errorBox');

  readonly planId = input.required<string>();
  readonly agencyId = input.required<string>();
  /** The agency's short name, for the downloaded file's name. */
  readonly shortName = input('');
  /** Lines were written: the grid reads its allocations again. */
  readonly saved = output<AllocationSheetResult>();

  protected readonly shownFields: readonly string[] = ['file'];

  // The download
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<ApiError | null>(null);

  // The upload
  protected readonly file = signal<File | null>(null);
  protected readonly submitted = signal(false);
  protected readonly busy = signal<'check' | 'commit' | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly preview = signal<AllocationSheetResult | null>(null);
  private readonly checked = signal<Checked | null>(null);
  protected readonly done = signal<AllocationSheetResult | null>(null);

  protected readonly tooLarge = computed(() => {
    const f = this.file();
    return !!f && f.size > MAX_UPLOAD_BYTES;
  });
  /** The client's own check of the file (required, .xlsx, at most 20 MB). */
  protected readonly problem = computed(() => {
    const f = this.file();
    if (!f) return this.i18n.t('plans.import.file.required');
    if (!XLSX_NAME.test(f.name)) return this.i18n.t('plans.import.file.notXlsx', { name: f.name });
    if (this.tooLarge()) return this.i18n.t('plans.import.file.tooLarge', { name: f.name, size: this.size(f.size) });
    return null;
  });
  /** The server's word on the file, else ours (a wrong or too large file at once, a missing one after "Periksa"). */
  protected readonly fileError = computed(() => {
    const server = this.error()?.fieldError('file');
    if (server) return server;
    const local = this.problem();
    return local && (this.submitted() || !!this.file()) ? local : null;
  });
  protected readonly stale = computed(() => {
    const c = this.checked();
    if (!c || !this.preview()) return false;
    return c.file !== this.file() || c.planId !== this.planId() || c.agencyId !== this.agencyId();
  });
  protected readonly nothingToSave = computed(() => {
    const p = this.preview();
    return !!p && p.created + p.updated === 0;
  });

  /** The cells the server refused (422 IMPORT_INVALID). */
  protected readonly importErrors = computed(() => {
    const e = this.error();
    return e?.code === 'IMPORT_INVALID' ? e.importErrors : [];
  });
  protected readonly errorMessage = computed(() => {
    const e = this.error();
    if (e?.code !== 'IMPORT_INVALID') return null;
    const rows = e.importErrors.filter((x) => x.row > 0);
    return rows.length
      ? this.i18n.t('allocations.sheet.error.rows', { n: this.count(rows.length) })
      : this.i18n.t('allocations.sheet.error.unreadable', { message: e.message });
  });
  protected readonly fieldLabel = (path: string): string =>
    path === 'file' ? this.i18n.t('allocations.sheet.file') : path;

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected count(n: number): string {
    return n.toLocaleString(this.i18n.locale());
  }

  /** "Unduh lembar alokasi": saved as `alokasi-<shortName>.xlsx` (the server's name too). */
  protected download(): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    this.api.allocationSheet(this.planId(), this.agencyId()).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(blob, `alokasi-${this.shortName().replace(/[^A-Za-z0-9-]+/g, '-') || 'instansi'}.xlsx`);
      },
      error: (error: ApiError) => {
        this.downloading.set(false);
        this.downloadError.set(error);
      },
    });
  }

  protected onFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    // The server's complaint, the preview and the last notice were about the previous file.
    this.error.set(null);
    this.preview.set(null);
    this.checked.set(null);
    this.done.set(null);
  }

  /** "Periksa": the dry run. */
  protected check(): void {
    if (this.busy()) return;
    this.submitted.set(true);
    this.error.set(null);
    this.preview.set(null);
    this.checked.set(null);
    this.done.set(null);
    const file = this.file();
    if (this.problem() || !file) {
      this.fileInput()?.nativeElement.focus();
      return;
    }
    const sent: Checked = { file, planId: this.planId(), agencyId: this.agencyId() };
    this.busy.set('check');
    this.api.importAllocationSheet(sent.planId, { file, agencyId: sent.agencyId, dryRun: true }).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(result);
        this.checked.set(sent);
        setTimeout(() => this.previewEl()?.nativeElement.focus());
      },
      error: (error: ApiError) => this.failed(error),
    });
  }

  /** "Simpan": the checked file, for real; then the grid reads its allocations again. */
  protected commit(): void {
    const c = this.checked();
    if (this.busy() || !c || this.stale()) return;
    this.error.set(null);
    this.busy.set('commit');
    this.api.importAllocationSheet(c.planId, { file: c.file, agencyId: c.agencyId, dryRun: false }).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(null);
        this.checked.set(null);
        this.submitted.set(false);
        this.file.set(null);
        const input = this.fileInput()?.nativeElement;
        if (input) input.value = '';
        this.done.set(result);
        this.saved.emit(result);
      },
      error: (error: ApiError) => {
        // Whatever the server refused now, the preview no longer stands.
        this.preview.set(null);
        this.checked.set(null);
        this.failed(error);
      },
    });
  }

  /** The chosen file stays, so one fix in Excel and one click send it again. */
  private failed(error: ApiError): void {
    this.busy.set(null);
    this.error.set(error);
    if (error.fieldError('file')) setTimeout(() => this.fileInput()?.nativeElement.focus());
    else setTimeout(() => this.errorEl()?.nativeElement.focus());
  }
}
