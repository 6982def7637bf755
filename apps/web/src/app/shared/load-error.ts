import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TPipe } from '../core/i18n';
import { ErrorAlert } from './error-alert';
import { Icon } from './icon';

/** A list that could not be read: the error's message and a "Coba lagi" button. */
@Component({
  selector: 'app-load-error',
  imports: [TPipe, Icon, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-error-alert [error]="error()" />
    <p>
      <button type="button" class="btn" (click)="retry.emit()"><app-icon name="refresh" [size]="16" />{{ 'common.retry' | t }}</button>
    </p>
  `,
  styles: `:host { display: block; }`,
})
export class LoadError {
  readonly error = input.required<unknown>();
  readonly retry = output<void>();
}
