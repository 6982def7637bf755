import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';

let nextId = 0;

/**
 * A modal confirmation on the native `<dialog>` (focus kept inside, Escape cancels, focus returns
 * to where it was). `const ok = await this.confirm().open();`
 */
@Component({
  selector: 'app-confirm-dialog',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="dialog"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-text'"
      (close)="onClose()"
    >
      <div class="dialog-body">
        <h2 [id]="id + '-title'">{{ heading() }}</h2>
        <p [id]="id + '-text'">{{ message() }}</p>
      </div>
      <div class="dialog-actions">
        <button type="button" class="btn" autofocus (click)="close(false)">{{ 'common.cancel' | t }}</button>
        <button type="button" class="btn" [class.btn-danger]="danger()" [class.btn-primary]="!danger()" [attr.data-testid]="confirmTestId()" (click)="close(true)">
          {{ confirmLabel() | t }}
        </button>
      </div>
    </dialog>
  `,
})
export class ConfirmDialog {
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
  readonly confirmLabel = input<TKey>('common.confirm');
  readonly danger = input(true);
  /** `data-testid` of the confirm button (browser tests). */
  readonly confirmTestId = input<string | null>(null);

  protected readonly id = `confirm-${++nextId}`;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private resolve?: (ok: boolean) => void;
  private result = false;
  private returnFocus: HTMLElement | null = null;

  open(): Promise<boolean> {
    this.resolve?.(false);
    this.result = false;
    this.returnFocus = document.activeElement as HTMLElement | null;
    this.dialog().nativeElement.showModal();
    return new Promise<boolean>((resolve) => (this.resolve = resolve));
  }

  protected close(ok: boolean): void {
    this.result = ok;
    this.dialog().nativeElement.close();
  }

  /** Also reached by Escape (the dialog's cancel), which leaves `result` false. */
  protected onClose(): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    this.returnFocus?.focus();
    resolve?.(this.result);
  }
}
