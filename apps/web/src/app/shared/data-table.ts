import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TKey, TPipe } from '../core/i18n';

/** A column header: a dictionary key, or a text already made (a version name); `num` aligns right. */
export type TableColumn = TKey | (({ label: TKey } | { text: string }) & { num?: boolean });

/** A column of numbers: `num('plans.col.totalCost')`. */
export function num(label: TKey): TableColumn {
  return { label, num: true };
}

/**
 * The frame of a data table: scrolling wrapper, caption, header row, and an actions column whose header
 * is read by screen readers only. The rows come inside: `<app-data-table [columns]="cols"><tbody>…</tbody></app-data-table>`
 * (a `<tfoot>` may follow).
 */
@Component({
  selector: 'app-data-table',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap" [attr.aria-busy]="busy() || null">
      <table class="table" [attr.data-testid]="testId()">
        @if (caption(); as c) {
          <caption class="sr-only">{{ c }}</caption>
        }
        <thead>
          <tr>
            @for (col of headers(); track $index) {
              <th scope="col" [class.num]="col.num">{{ col.label ? (col.label | t) : col.text }}</th>
            }
            @if (actions()) {
              <th scope="col" class="actions"><span class="sr-only">{{ 'common.actions' | t }}</span></th>
            }
          </tr>
        </thead>
        <ng-content />
      </table>
    </div>
  `,
  // The scroller is the containing block of the visually hidden header text, so it cannot widen the page.
  styles: `:host { display: block; } .table-wrap { position: relative; }`,
})
export class DataTable {
  readonly columns = input.required<readonly TableColumn[]>();
  /** A last column for the row's buttons. */
  readonly actions = input(false);
  /** Read by screen readers only. */
  readonly caption = input<string | null>(null);
  /** The rows on screen are being replaced (`aria-busy`). */
  readonly busy = input(false);
  /** `data-testid` of the `<table>`. */
  readonly testId = input<string | null>(null);

  protected readonly headers = computed(() =>
    this.columns().map((c) =>
      typeof c === 'string'
        ? { label: c, text: '', num: false }
        : 'label' in c
          ? { label: c.label, text: '', num: !!c.num }
          : { label: null, text: c.text, num: !!c.num },
    ),
  );
}
