import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { ApiError } from '../../core/api-error';
import { formatBytes, saveBlob } from '../../core/files';
import { I18n, TPipe } from '../../core/i18n';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { AllocationSheetResult, AllocationsApi } from './allocations.api';
import { ImportErrors } from '../../shared/import-errors';
import { UploadCheck } from '../../shared/upload-check';

const XLSX_NAME = /\.xlsx$/i;

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
  protected readonly upload = new UploadCheck<AllocationSheetResult, { planId: string; agencyId: string }>({
    accept: XLSX_NAME,
    required: () => this.i18n.t('plans.import.file.required'),
    wrongType: (name) => this.i18n.t('plans.import.file.notXlsx', { name }),
    tooLarge: (name, size) => this.i18n.t('plans.import.file.tooLarge', { name, size }),
    size: (bytes) => this.size(bytes),
    // Another plan or agency means checking again before saving.
    context: () => ({ planId: this.planId(), agencyId: this.agencyId() }),
    input: () => this.fileInput()?.nativeElement,
    errorBox: () => this.errorEl()?.nativeElement,
    previewBox: () => this.previewEl()?.nativeElement,
    forget: () => this.done.set(null),
  });
  /** The last save's notice (until another file is chosen or checked). */
  protected readonly done = signal<AllocationSheetResult | null>(null);

  protected readonly nothingToSave = computed(() => {
    const p = this.upload.preview();
    return !!p && p.created + p.updated === 0;
  });

  protected readonly errorMessage = computed(() => {
    const e = this.upload.error();
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

  /** "Periksa": the dry run. */
  protected check(): void {
    const sent = this.upload.begin();
    if (!sent) return;
    const { planId, agencyId } = sent.context;
    this.upload.dryRun(sent, this.api.importAllocationSheet(planId, { file: sent.file, agencyId, dryRun: true }));
  }

  /** "Simpan": the checked file, for real; then the grid reads its allocations again. */
  protected commit(): void {
    this.upload.commit(
      ({ file, context: { planId, agencyId } }) => this.api.importAllocationSheet(planId, { file, agencyId, dryRun: false }),
      (result) => {
        this.upload.clear();
        this.done.set(result);
        this.saved.emit(result);
      },
    );
  }
}
