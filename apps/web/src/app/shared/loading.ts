import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';

/** `<app-loading />`: a spinner and "Memuat…" (or another text such as `common.searching`). */
@Component({
  selector: 'app-loading',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'loading' },
  template: `<span class="spinner" aria-hidden="true"></span>{{ text() | t }}`,
})
export class Loading {
  readonly text = input<TKey>('common.loading');
}
