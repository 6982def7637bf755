import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';

/**
 * A labelled one-line text input with its hint and its error message, wired for screen readers
 * (`aria-invalid`, `aria-describedby`). `<app-text-field fieldId="agency-name" label="admin.agencies.name"
 * [(value)]="name" [error]="fieldError('name')" />`; the input's id is `fieldId`.
 */
@Component({
  selector: 'app-text-field',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label [for]="fieldId()">
      {{ label() | t }}@if (optional()) { ({{ 'common.optional' | t }})}
    </label>
    <input
      class="input"
      type="text"
      [id]="fieldId()"
      [attr.maxlength]="maxlength()"
      [attr.placeholder]="placeholder()"
      [value]="value()"
      (input)="value.set($any($event.target).value)"
      [attr.aria-invalid]="!!error()"
      [attr.aria-describedby]="describedBy()"
    />
    @if (hint(); as h) {
      <p class="hint" [id]="fieldId() + '-hint'">{{ h | t }}</p>
    }
    @if (error(); as e) {
      <p class="error" [id]="fieldId() + '-error'">{{ e }}</p>
    }
  `,
})
export class TextField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<TKey>();
  readonly value = model('');
  readonly error = input<string | null>(null);
  readonly hint = input<TKey | null>(null);
  readonly optional = input(false);
  readonly maxlength = input<number | null>(null);
  readonly placeholder = input<string | null>(null);

  protected readonly describedBy = computed(() =>
    this.error() ? `${this.fieldId()}-error` : this.hint() ? `${this.fieldId()}-hint` : null,
  );
}
