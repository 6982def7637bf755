import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { TKey, TPipe } from '../../core/i18n';
import { TextField } from '../../shared/text-field';
import { PlanHeaderField } from './plan-utils';

const YEAR_FIELDS: readonly { field: 'startYear' | 'endYear'; id: string; label: TKey }[] = [
  { field: 'startYear', id: 'start-year', label: 'plans.form.startYear' },
  { field: 'endYear', id: 'end-year', label: 'plans.form.endYear' },
];

/**
 * A plan's title and period (start and end year), for the new-plan form and the edit dialog. Ids are
 * `<prefix>-title`, `<prefix>-start-year`, `<prefix>-end-year`; `errors` holds the message per field.
 * The host takes no box of its own, so the fields sit in the surrounding form grid.
 */
@Component({
  selector: 'app-plan-fields',
  imports: [TPipe, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-text-field
      class="span-all"
      label="plans.form.name"
      [fieldId]="prefix() + '-title'"
      [maxlength]="500"
      [(value)]="title"
      [error]="errors().title ?? null"
    />
    <div class="years">
      @for (y of yearFields; track y.field) {
        @let id = prefix() + '-' + y.id;
        <div class="field">
          <label [for]="id">{{ y.label | t }}</label>
          <input
            class="input"
            type="text"
            inputmode="numeric"
            maxlength="4"
            [id]="id"
            [value]="y.field === 'startYear' ? startYear() : endYear()"
            (input)="setYear(y.field, $event)"
            [attr.aria-invalid]="!!errors()[y.field]"
            [attr.aria-describedby]="errors()[y.field] ? id + '-error' : null"
          />
          @if (errors()[y.field]; as e) {
            <p class="error" [id]="id + '-error'">{{ e }}</p>
          }
        </div>
      }
    </div>
  `,
  styles: `
    :host { display: contents; }
    .years { display: flex; gap: 12px; }
    .years .field { flex: 1; }
  `,
})
export class PlanFields {
  readonly prefix = input.required<string>();
  readonly title = model('');
  readonly startYear = model('');
  readonly endYear = model('');
  readonly errors = input<Partial<Record<PlanHeaderField, string | null>>>({});

  protected readonly yearFields = YEAR_FIELDS;

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setYear(field: 'startYear' | 'endYear', event: Event): void {
    (field === 'startYear' ? this.startYear : this.endYear).set(this.value(event));
  }
}
