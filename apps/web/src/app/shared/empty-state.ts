import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';
import { Icon, IconName } from './icon';

/**
 * Nothing to show yet: an icon, an optional heading and a text; anything inside (a button, a form) comes
 * after the text. `<app-empty-state icon="users" text="admin.users.none" />`. For a text with
 * parameters, leave `text` out and put the paragraph inside.
 */
@Component({
  selector: 'app-empty-state',
  imports: [TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'empty-state' },
  template: `
    <app-icon [name]="icon()" [size]="size()" />
    @if (heading(); as h) {
      @if (level() === 1) {
        <h1>{{ h | t }}</h1>
      } @else {
        <h2>{{ h | t }}</h2>
      }
    }
    @if (text(); as x) {
      <p>{{ x | t }}</p>
    }
    <ng-content />
  `,
  styles: `:host { display: block; }`,
})
export class EmptyState {
  readonly icon = input.required<IconName>();
  readonly text = input<TKey | null>(null);
  readonly heading = input<TKey | null>(null);
  /** `h1` where the empty state is the whole page (a plan that does not exist). */
  readonly level = input<1 | 2>(2);
  readonly size = input(36);
}
