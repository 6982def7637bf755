import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A success message in a polite live region (announced by screen readers); nothing while `text` is null. */
@Component({
  selector: 'app-status-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'aria-live': 'polite' },
  template: `
    @if (text(); as n) {
      <div class="alert alert-success"><p>{{ n }}</p></div>
    }
  `,
  styles: `:host { display: block; } .alert { margin-bottom: 16px; } p { margin: 0; }`,
})
export class StatusNotice {
  readonly text = input<string | null>(null);
}
