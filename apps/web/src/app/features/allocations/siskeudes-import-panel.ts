import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import type { ApbdesImportLine, ApbdesImportResult, ApbdesImportStatus, ApbdesImportSuggestion, FundSourceView } from '@sinergi/contracts';
import type { Subscription } from 'rxjs';
import { formatBytes } from '../../core/files';
import { MoneyPipe } from '../../core/format';
import { I18n, TKey, TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { ErrorAlert } from '../../shared/error-alert';
import { Icon } from '../../shared/icon';
import { sumDigits } from '../plans/plan-utils';
import { AllocationsApi } from './allocations.api';
import { stageLabelKey } from './village-tag-form';
import { ImportErrors } from '../../shared/import-errors';
import { UploadCheck } from '../../shared/upload-check';

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

  protected readonly upload = new UploadCheck<ApbdesImportResult>({
    accept: ZIP_NAME,
    required: () => this.i18n.t('allocations.siskeudes.file.required'),
    wrongType: (name) => this.i18n.t('allocations.siskeudes.file.notZip', { name }),
    tooLarge: (name, size) => this.i18n.t('allocations.siskeudes.file.tooLarge', { name, size }),
    size: (bytes) => this.size(bytes),
    input: () => this.fileInput()?.nativeElement,
    errorBox: () => this.errorEl()?.nativeElement,
    previewBox: () => this.previewEl()?.nativeElement,
    forget: () => this.result.set(null),
  });
  /** The commit's result (the notice and the suggestions stay until dismissed or another file is chosen). */
  protected readonly result = signal<ApbdesImportResult | null>(null);

  protected readonly fundSourceName = computed(() => new Map(this.fundSources().map((f) => [f.code, f.name])));
  protected readonly previewTotal = computed(() => sumDigits((this.upload.preview()?.lines ?? []).map((l) => l.amount)));

  /** The import's own wording for a refused file; other errors keep the message of their code. */
  protected readonly errorMessage = computed(() => {
    const e = this.upload.error();
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

  /** "Periksa": the dry run. */
  protected check(): void {
    const sent = this.upload.begin();
    if (!sent) return;
    this.request = this.upload.dryRun(sent, this.api.importSiskeudes(this.villageCode(), sent.file, true));
  }

  /** "Simpan ke APBDes": the file that was checked, for real. */
  protected commit(): void {
    const request = this.upload.commit(
      ({ file }) => this.api.importSiskeudes(this.villageCode(), file, false),
      (result) => {
        // Saved: the form is ready for the next export (e.g. after the APBDes Perubahan).
        this.upload.clear();
        this.result.set(result);
        this.saved.emit(result);
        setTimeout(() => this.savedEl()?.nativeElement.focus());
      },
    );
    // Nothing sent (busy, unchecked or another file): the request under way, if any, stays the one to cancel.
    if (request) this.request = request;
  }

  protected dismiss(): void {
    this.result.set(null);
  }

  private reset(): void {
    this.request?.unsubscribe();
    this.request = null;
    this.upload.reset();
  }
}
