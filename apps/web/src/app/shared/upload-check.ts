import { computed, signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';
import type { ApiError } from '../core/api-error';
import { MAX_UPLOAD_BYTES } from '../core/files';

/** What a preview was made from: another file or another context means checking again before saving. */
export interface Checked<C> {
  readonly file: File;
  readonly context: C;
}

export interface UploadCheckOptions<C> {
  /** The file names accepted, e.g. `/\.xlsx$/i`. */
  accept: RegExp;
  /** The client's own word on the file: none chosen, the wrong kind, over 20 MB. */
  required: () => string;
  wrongType: (name: string) => string;
  tooLarge: (name: string, size: string) => string;
  /** A size in bytes as the interface writes it (for `tooLarge`). */
  size: (bytes: number) => string;
  /** What else the request is made from (plan, agency, title…); compared key by key for staleness. */
  context?: () => C;
  /** The form's inputs in focus order, named as the server's `details` paths (default `['file']`). */
  fields?: readonly string[];
  /** A field's input (at least `'file'`, the `<input type="file">`). */
  input: (field: string) => HTMLElement | null | undefined;
  /** The box showing a refusal, focused when no field is to blame. */
  errorBox: () => HTMLElement | null | undefined;
  /** The preview, focused once shown. */
  previewBox: () => HTMLElement | null | undefined;
  /** Whatever else goes when another file is chosen or checked (e.g. the last "saved" notice). */
  forget?: () => void;
}

/**
 * The state of a "Periksa, then Simpan" upload (Excel sheets, Siskeudes exports): the chosen file and
 * its client-side check (required, accepted name, at most 20 MB), the dry run's preview and what it was
 * made from (so a changed file or context makes it stale), the request under way and the server's
 * refusal (422 IMPORT_INVALID lists its cells). A refusal keeps the chosen file, so one fix and one
 * click send it again. The component keeps its requests, results and notices; this only sequences them.
 */
export class UploadCheck<R, C extends Readonly<Record<string, unknown>> = Readonly<Record<string, never>>> {
  readonly file = signal<File | null>(null);
  /** "Periksa" was pressed: a missing file is said from now on. */
  readonly submitted = signal(false);
  /** The request under way: the dry run or the commit. */
  readonly busy = signal<'check' | 'commit' | null>(null);
  readonly error = signal<ApiError | null>(null);
  /** The dry run's result, for `checked`. */
  readonly preview = signal<R | null>(null);
  private readonly checked = signal<Checked<C> | null>(null);

  readonly tooLarge = computed(() => {
    const f = this.file();
    return !!f && f.size > MAX_UPLOAD_BYTES;
  });
  /** The client's own check of the file. */
  readonly problem = computed<string | null>(() => {
    const f = this.file();
    if (!f) return this.options.required();
    if (!this.options.accept.test(f.name)) return this.options.wrongType(f.name);
    if (this.tooLarge()) return this.options.tooLarge(f.name, this.options.size(f.size));
    return null;
  });
  /** The server's word on the file, else ours (a wrong or too large file at once, a missing one after "Periksa"). */
  readonly fileError = computed(() => {
    const server = this.error()?.fieldError('file');
    if (server) return server;
    const local = this.problem();
    return local && (this.submitted() || !!this.file()) ? local : null;
  });
  /** The file or the context changed since the preview was made: it may no longer be what would be saved. */
  readonly stale = computed(() => {
    const c = this.checked();
    if (!c || !this.preview()) return false;
    const now = this.context();
    return c.file !== this.file() || Object.keys(c.context).some((k) => c.context[k] !== now[k]);
  });
  /** The cells or rows the server refused (422 IMPORT_INVALID). */
  readonly importErrors = computed(() => {
    const e = this.error();
    return e?.code === 'IMPORT_INVALID' ? e.importErrors : [];
  });

  constructor(private readonly options: UploadCheckOptions<C>) {}

  /** The file input's `change`. */
  choose(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    // The server's complaint, the preview and the last notice were about the previous file.
    this.forgetCheck();
  }

  /**
   * "Periksa" pressed: forgets the last check; what to send, or null when busy or the file is wrong
   * (then its input is focused). The component may check its other inputs before `dryRun`.
   */
  begin(): Checked<C> | null {
    if (this.busy()) return null;
    this.submitted.set(true);
    this.forgetCheck();
    const file = this.file();
    if (this.problem() || !file) {
      this.focusField('file');
      return null;
    }
    return { file, context: this.context() };
  }

  /** Sends what `begin` returned as the dry run; its result becomes the preview (focused). */
  dryRun(sent: Checked<C>, request: Observable<R>, then?: (result: R) => void): Subscription {
    this.busy.set('check');
    return request.subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(result);
        this.checked.set(sent);
        then?.(result);
        setTimeout(() => this.options.previewBox()?.focus());
      },
      error: (error: ApiError) => this.failed(error),
    });
  }

  /** "Simpan": what was checked, for real (nothing while busy, unchecked or stale); `then` decides what stays. */
  commit<S>(send: (checked: Checked<C>) => Observable<S>, then: (result: S) => void): Subscription | null {
    const c = this.checked();
    if (this.busy() || !c || this.stale()) return null;
    this.error.set(null);
    this.busy.set('commit');
    return send(c).subscribe({
      next: (result) => {
        this.busy.set(null);
        then(result);
      },
      error: (error: ApiError) => {
        // Whatever the server refused now, the preview no longer stands.
        this.preview.set(null);
        this.checked.set(null);
        this.failed(error);
      },
    });
  }

  /** Saved: the form is ready for the next file. */
  clear(): void {
    this.preview.set(null);
    this.checked.set(null);
    this.submitted.set(false);
    this.file.set(null);
    const input = this.options.input('file');
    if (input instanceof HTMLInputElement) input.value = '';
  }

  /** Back to an empty form (e.g. another context altogether); the caller cancels its own request. */
  reset(): void {
    this.busy.set(null);
    this.error.set(null);
    this.clear();
    this.options.forget?.();
  }

  /** The chosen file stays: the first field the server blames gets the focus, else the error box. */
  private failed(error: ApiError): void {
    this.busy.set(null);
    this.error.set(error);
    const field = (this.options.fields ?? ['file']).find((f) => error.fieldError(f));
    if (field) this.focusField(field);
    else setTimeout(() => this.options.errorBox()?.focus());
  }

  private forgetCheck(): void {
    this.error.set(null);
    this.preview.set(null);
    this.checked.set(null);
    this.options.forget?.();
  }

  private context(): C {
    return this.options.context?.() ?? ({} as C);
  }

  private focusField(field: string): void {
    setTimeout(() => this.options.input(field)?.focus());
  }
}
