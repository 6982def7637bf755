import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';
import { IconName } from './icon';
import { LoadError } from './load-error';
import { Loading } from './loading';

/** The states of a list read from the API, as the features keep them in a signal. */
export type ListState =
  | { status: 'none' | 'idle' | 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ok'; items: readonly unknown[] };

/**
 * Everything a list shows when it has no rows to show: the spinner while loading, the error (with
 * "Coba lagi" unless `retryable` is false), or the empty state when it came back empty; anything
 * inside goes into that empty state. The page draws the rows itself once there are some:
 *
 * ```html
 * <app-list-status [state]="rs" emptyIcon="users" emptyText="round.none" (retry)="reload()" />
 * @if (rs.status === 'ok' && rs.items.length) { … }
 * ```
 */
@Component({
  selector: 'app-list-status',
  imports: [TPipe, EmptyState, ErrorAlert, LoadError, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    @switch (s.status) {
      @case ('loading') {
        <app-loading />
      }
      @case ('error') {
        @if (retryable()) {
          <app-load-error [error]="s.error" (retry)="retry.emit()" />
        } @else {
          <app-error-alert [error]="s.error" />
        }
      }
      @case ('ok') {
        @if (s.items.length === 0) {
          @if (emptyIcon(); as icon) {
            <app-empty-state [icon]="icon" [heading]="emptyHeading()" [text]="emptyText()"><ng-content /></app-empty-state>
          } @else if (emptyText(); as text) {
            <p class="muted" [class.small]="compact()">{{ text | t }}</p>
          }
        }
      }
    }
  `,
  styles: `:host { display: contents; }`,
})
export class ListStatus {
  readonly state = input.required<ListState>();
  /** Without an icon the empty list is told in one quiet line (inside a panel or a thread). */
  readonly emptyIcon = input<IconName | null>(null);
  readonly emptyText = input<TKey | null>(null);
  readonly emptyHeading = input<TKey | null>(null);
  readonly retryable = input(true);
  /** The quiet line in small print. */
  readonly compact = input(false);
  readonly retry = output<void>();
}
