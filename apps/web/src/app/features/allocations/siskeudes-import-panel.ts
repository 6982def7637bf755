import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import type { ApbdesImportLine, ApbdesImportResult, ApbdesImportStatus, ApbdesImportSuggestion, FundSourceView } from '@sinergi/contracts';
import type { Subscription } from 'rxjs';
import { ApiError } from '../../core/api-error';
import { MAX_UPLOAD_BYTES, formatBytes } from '../../core/files';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { sumDigits } from '../plans/plan-utils';
import { AllocationsApi } from './allocations.api';
import { stageLabelKey } from './village-tag-form';
import { ImportErrors } from '../../shared/import-errors';

const ZIP_NAME = /\.zip$/i;

const STATUS_LABEL: Record<ApbdesImportStatus, TKey> = {
  created: 'allocations.siskeudes.status.created',
  updated: 'allocations.siskeudes.status.updated',
  unchanged: 'allocations.siskeudes.status.unchanged',
};
const STATUS_BADGE: Record<ApbdesImportStatus, string> = {
  created: 'badge-success',
  updated: 'badge-warning',
  unchanged: 'badge-muted',
};
const REASON_LABEL: Record<ApbdesImportSuggestion['reason'], TKey> = {
  catalog: 'allocations.siskeudes.reason.catalog',
  other_villages: 'allocations.siskeudes.reason.otherVillages',
};

/**
 * "Impor dari Siskeudes" on the desa page (writers only): the desa's Siskeudes export, a .zip of CSV
 * tables, becomes its APBDes lines (one per kegiatan and fund source). "Periksa" sends it as a dry run
 * and shows the lines that would be created, updated or left unchanged and which plan activities the
 * imported codes could fund; "Simpan ke APBDes" sends the same file for real and emits `saved` (the
 * page reloads its lines in the imported fiscal year). A refused file (422 IMPORT_INVALID) lists every
 * problem by table, row and column, and the chosen file stays for a retry.
 */
@Component({
  selector: 'app-siskeudes-import-panel',
  imports: [NgTemplateOutlet, TPipe, Icon, MoneyPipe, DataTable, ErrorAlert, ImportErrors],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './siskeudes-import-panel.html',
  styleUrl: './siskeudes-import-panel.css',
})
export class SiskeudesImportPanel {
  private readonly api = inject(AllocationsApi);
  private readonly i18n = inject(I18n);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly previewEl = viewChild<ElementRef<HTMLElement>>('preview');
  private readonly errorEl = viewChild<ElementRef<HTMLElement>>('errorBox');
  private readonly savedEl = viewChild<ElementRef<HTMLElement>>('savedBox');
  /** The upload under way (dropped when the desa changes or the page closes). */
  private request: Subscription | null = null;

  /** The desa's Kemendagri code. */
  readonly villageCode = input.required<string>();
  /** Names of the fund source codes (`DDS` → Dana Desa), for the tooltips. */
  readonly fundSources = input<readonly FundSourceView[]>([]);
  /** After a commit: what was recorded. */
  readonly saved = output<ApbdesImportResult>();
  /** "Lihat baris APBDes" after a commit. */
  readonly showLines = output<void>();

  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statusBadge = STATUS_BADGE;
  protected readonly reasonLabel = REASON_LABEL;
  protected readonly lineColumns: readonly TableColumn[] = [
    'allocations.siskeudes.col.kegiatan', 'allocations.siskeudes.col.fundSource', 'allocations.siskeudes.col.stage',
    num('allocations.siskeudes.col.amount'), 'allocations.siskeudes.col.status',
  ];
  protected readonly shownFields: readonly string[] = ['file'];
  protected readonly fieldLabel = (path: string): string => (path === 'file' ? this.i18n.t('allocations.siskeudes.file') : path);

  protected readonly file = signal<File | null>(null);
  protected readonly submitted = signal(false);
  /** The request under way: the dry run or the commit. */
  protected readonly busy = signal<'check' | 'commit' | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  /** The dry run's result, for the file it was made from. */
  protected readonly preview = signal<ApbdesImportResult | null>(null);
  private readonly checkedFile = signal<File | null>(null);
  /** The commit's result (the notice and the suggestions stay until dismissed or another file is chosen). */
  protected readonly result = signal<ApbdesImportResult | null>(null);

  protected readonly fundSourceName = computed(() => new Map(this.fundSources().map((f) => [f.code, f.name])));
  protected readonly tooLarge = computed(() => {
    const f = this.file();
    return !!f && f.size > MAX_UPLOAD_BYTES;
  });
  /** A wrong or too large file is said at once; a missing one after "Periksa". */
  protected readonly fileProblem = computed<string | null>(() => {
    const f = this.file();
    if (!f) return this.i18n.t('allocations.siskeudes.file.required');
    if (!ZIP_NAME.test(f.name)) return this.i18n.t('allocations.siskeudes.file.notZip', { name: f.name });
    if (this.tooLarge()) return this.i18n.t('allocations.siskeudes.file.tooLarge', { name: f.name, size: this.size(f.size) });
    return null;
  });
  protected readonly fileError = computed(() => {
    const server = this.error()?.fieldError('file');
    if (server) return server;
    const local = this.fileProblem();
    return local && (this.submitted() || !!this.file()) ? local : null;
  });
  protected readonly previewTotal = computed(() => sumDigits((this.preview()?.lines ?? []).map((l) => l.amount)));

  /** The rows the server refused (422 IMPORT_INVALID). */
  protected readonly importErrors = computed(() => {
    const e = this.error();
    return e?.code === 'IMPORT_INVALID' ? e.importErrors : [];
  });
  /** The import's own wording for a refused file; other errors keep the message of their code. */
  protected readonly errorMessage = computed(() => {
    const e = this.error();
    if (e?.code !== 'IMPORT_INVALID') return null;
    return e.importErrors.some((x) => x.row > 0)
      ? this.i18n.t('allocations.siskeudes.error.rows', { message: e.message.replace(/\.$/, '') })
      : this.i18n.t('allocations.siskeudes.error.unreadable', { message: e.message });
  });

  constructor() {
    // Another desa (the page is reused when only the code changes): nothing of the previous one stays.
    effect(() => {
      this.villageCode();
      untracked(() => this.reset());
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected count(n: number): string {
    return n.toLocaleString(this.i18n.locale());
  }

  /** The stages the file holds before the counting one (the APBDes of a revised line). */
  protected earlierStages(line: ApbdesImportLine): ApbdesImportLine['stages'] {
    return line.stages.filter((s) => s.stage !== line.stage);
  }

  /** The template's context is untyped: the suggestions of the preview or of the commit. */
  protected asSuggestions(list: unknown): readonly ApbdesImportSuggestion[] {
    return list as readonly ApbdesImportSuggestion[];
  }

  protected stageText(stage: string): string {
    const k = stageLabelKey(stage as ApbdesImportLine['stage']);
    return k ? this.i18n.t(k) : stage;
  }

  protected onFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    // The server's complaint, the preview and the last notice were about the previous file.
    this.error.set(null);
    this.preview.set(null);
    this.checkedFile.set(null);
    this.result.set(null);
  }

  /** "Periksa": the dry run. */
  protected check(): void {
    if (this.busy()) return;
    this.submitted.set(true);
    this.error.set(null);
    this.preview.set(null);
    this.checkedFile.set(null);
    this.result.set(null);
    const file = this.file();
    if (!file || this.fileProblem()) {
      this.focusFile();
      return;
    }
    this.busy.set('check');
    this.request = this.api.importSiskeudes(this.villageCode(), file, true).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(result);
        this.checkedFile.set(file);
        setTimeout(() => this.previewEl()?.nativeElement.focus());
      },
      error: (error: ApiError) => this.failed(error),
    });
  }

  /** "Simpan ke APBDes": the file that was checked, for real. */
  protected commit(): void {
    const file = this.checkedFile();
    if (this.busy() || !file || file !== this.file()) return;
    this.error.set(null);
    this.busy.set('commit');
    this.request = this.api.importSiskeudes(this.villageCode(), file, false).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(null);
        this.checkedFile.set(null);
        this.result.set(result);
        // Saved: the form is ready for the next export (e.g. after the APBDes Perubahan).
        this.file.set(null);
        this.submitted.set(false);
        const input = this.fileInput()?.nativeElement;
        if (input) input.value = '';
        this.saved.emit(result);
        setTimeout(() => this.savedEl()?.nativeElement.focus());
      },
      error: (error: ApiError) => {
        // Whatever the server refused now, the preview no longer stands.
        this.preview.set(null);
        this.checkedFile.set(null);
        this.failed(error);
      },
    });
  }

  protected dismiss(): void {
    this.result.set(null);
  }

  /** The chosen file stays, so one fix in Siskeudes and one click send it again. */
  private failed(error: ApiError): void {
    this.busy.set(null);
    this.error.set(error);
    if (error.fieldError('file')) this.focusFile();
    else setTimeout(() => this.errorEl()?.nativeElement.focus());
  }

  private reset(): void {
    this.request?.unsubscribe();
    this.request = null;
    this.file.set(null);
    this.submitted.set(false);
    this.busy.set(null);
    this.error.set(null);
    this.preview.set(null);
    this.checkedFile.set(null);
    this.result.set(null);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }

  private focusFile(): void {
    setTimeout(() => this.fileInput()?.nativeElement.focus());
  }
}
