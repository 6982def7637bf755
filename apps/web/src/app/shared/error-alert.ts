import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TPipe } from '../core/i18n';
import { describeError } from '../core/error-messages';
import { Icon } from './icon';

/**
 * The message for an error's `code`, with the field problems listed (those not already shown next to
 * their input: pass their paths in `shownFields`) and the request id for a server error.
 */
@Component({
  selector: 'app-error-alert',
  imports: [Icon, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (described(); as d) {
      <div class="alert alert-error" role="alert">
        <app-icon name="alert" />
        <div>
          <p>{{ message() ?? d.message }}</p>
          @if (listed().length) {
            <ul>
              @for (f of listed(); track f.path + f.message) {
                @if (fieldLabel(); as label) {
                  <li><strong>{{ label(f.path) }}</strong>: {{ f.message }}</li>
                } @else {
                  <li><code>{{ f.path }}</code>: {{ f.message }}</li>
                }
              }
            </ul>
          }
          @if (d.requestId) {
            <p class="small">{{ 'error.requestId' | t }}: <code>{{ d.requestId }}</code></p>
          }
        </div>
      </div>
    }
  `,
})
export class ErrorAlert {
  private readonly i18n = inject(I18n);
  readonly error = input<unknown>(null);
  /** Overrides the generic message for the code (e.g. "wrong email or password" on the login page). */
  readonly message = input<string | null>(null);
  readonly shownFields = input<readonly string[]>([]);
  /** Names a field for people ("Biaya 2026" for `costs.2026`); without it the path is shown. */
  readonly fieldLabel = input<((path: string) => string) | null>(null);

  protected readonly described = computed(() => {
    const error = this.error();
    return error ? describeError(error, this.i18n.lang()) : null;
  });

  protected readonly listed = computed(() => {
    const shown = this.shownFields();
    return (this.described()?.fields ?? []).filter(
      (f) => !shown.some((path) => f.path === path || f.path.startsWith(`${path}.`)),
    );
  });
}
