import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ImportError } from '@sinergi/contracts';
import { TPipe, type TKey } from '../core/i18n';
import { DataTable, TableColumn, num } from './data-table';

/**
 * The cells an import refused: sheet (or table), row, column, message, in a scrollable table.
 * Every upload (RAD matrix, allocation sheet, Siskeudes export, code catalogue) shows its 422
 * `IMPORT_INVALID` details with this. Row 0 means the whole file.
 */
@Component({
  selector: 'app-import-errors',
  imports: [TPipe, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll" tabindex="0" role="region" [attr.aria-label]="caption() | t">
      <app-data-table [columns]="columns()" [caption]="caption() | t" [testId]="tableTestId()">
        <tbody>
          @for (e of errors(); track $index) {
            <tr [attr.data-testid]="rowTestId()" [attr.data-row]="e.row" [attr.data-column]="e.column" [attr.data-table]="sheetIsTable() ? e.sheet : null">
              <td [class.small]="!sheetIsTable()">
                @if (sheetIsTable()) {
                  <code>{{ e.sheet || '–' }}</code>
                } @else {
                  {{ e.sheet || '–' }}
                }
              </td>
              <td class="num">{{ e.row > 0 ? e.row : ('plans.import.error.wholeFile' | t) }}</td>
              <td><code>{{ e.column || '–' }}</code></td>
              <td>{{ e.message }}</td>
            </tr>
          }
        </tbody>
      </app-data-table>
    </div>
  `,
  styles: `
    .scroll { max-height: 22rem; overflow: auto; margin-top: 12px; border-radius: var(--radius-lg); }
    .scroll:focus-visible { outline: 3px solid var(--c-focus); outline-offset: 2px; }
  `,
})
export class ImportErrors {
  readonly errors = input.required<readonly ImportError[]>();
  /** `data-testid` of each row (`import-error`, `sheet-error` …) and of the table. */
  readonly rowTestId = input.required<string>();
  readonly tableTestId = input.required<string>();
  readonly caption = input<TKey>('plans.import.error.caption');
  /** Siskeudes names tables, not sheets: the first column says "Tabel" and rows carry `data-table`. */
  readonly sheetIsTable = input(false);

  protected columns(): readonly TableColumn[] {
    return [this.sheetIsTable() ? 'allocations.siskeudes.error.table' : 'plans.import.error.sheet', num('plans.import.error.row'), 'plans.import.error.column', 'plans.import.error.message'];
  }
}
