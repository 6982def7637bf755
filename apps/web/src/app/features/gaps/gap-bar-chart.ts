import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { formatMoney } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { big, percentOf, widthOf } from './gap-utils';

export type ChartKind = 'strategy' | 'agency' | 'year';

/** One bar of a chart: a group's need against what is allocated to it. */
export interface ChartItem {
  /** Strategy code, agency id or year (the `data-*` attribute and what `pick` emits). */
  key: string;
  label: string;
  /** Shown on hover and read out (an agency's full name). */
  title?: string;
  need: string;
  allocated: string;
  /** The bar is the filter (or the year) in force. */
  active: boolean;
}

/**
 * Need against allocation as a list of CSS bars: every bar is a button with its label and its values in
 * text (read by screen readers and usable by keyboard); choosing one emits its key.
 */
@Component({
  selector: 'app-gap-bar-chart',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gap-bar-chart.html',
  styleUrl: './gap-bar-chart.css',
})
export class GapBarChart {
  private readonly i18n = inject(I18n);

  readonly kind = input.required<ChartKind>();
  readonly heading = input.required<string>();
  /** What choosing a bar does, told under the heading. */
  readonly hint = input<string | null>(null);
  readonly items = input.required<readonly ChartItem[]>();
  readonly pick = output<string>();

  protected readonly rows = computed(() => {
    const items = this.items();
    const max = items.reduce((m, i) => {
      const need = big(i.need);
      const allocated = big(i.allocated);
      const top = need > allocated ? need : allocated;
      return top > m ? top : m;
    }, 0n);
    return items.map((item) => {
      const need = big(item.need);
      const allocated = big(item.allocated);
      const percent = percentOf(allocated, need);
      const value = this.i18n.t('gaps.chart.value', { allocated: formatMoney(allocated), need: formatMoney(need) });
      return {
        ...item,
        needWidth: widthOf(need, max),
        allocatedWidth: widthOf(allocated, max),
        over: allocated > need,
        value: percent === null ? value : `${value} (${percent}%)`,
      };
    });
  });
}
