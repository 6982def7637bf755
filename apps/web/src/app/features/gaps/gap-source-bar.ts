import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AllocationSource } from '@sinergi/contracts';
import { formatMoney } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { SOURCES, SOURCE_LABEL, big, widthOf } from './gap-utils';

/**
 * Allocated money stacked by source (APBD, APBDes, APBN, other, tactical fund). The bar's full length is
 * `scale` (the need, when it is larger) so an underfunded activity shows a partly filled bar; the amounts
 * are in the title and read out.
 */
@Component({
  selector: 'app-gap-source-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="stack" aria-hidden="true" [attr.title]="text()">
      @for (s of segments(); track s.source) {
        <span class="seg s-{{ s.source }}" [style.width.%]="s.width"></span>
      }
    </span>
    <span class="sr-only">{{ text() }}</span>
  `,
  styleUrl: './gap-source-bar.css',
})
export class GapSourceBar {
  private readonly i18n = inject(I18n);
  readonly sources = input.required<Readonly<Record<AllocationSource, string>>>();
  /** The amount the full bar stands for; the sum of the sources when smaller or missing. */
  readonly scale = input<string | null>(null);

  private readonly parts = computed(() => {
    const map = this.sources();
    return SOURCES.map((source) => ({ source, amount: big(map[source]) })).filter((p) => p.amount > 0n);
  });

  protected readonly segments = computed(() => {
    const parts = this.parts();
    const total = parts.reduce((acc, p) => acc + p.amount, 0n);
    const scale = big(this.scale());
    const whole = scale > total ? scale : total;
    return parts.map((p) => ({ source: p.source, width: widthOf(p.amount, whole) }));
  });

  protected readonly text = computed(() => {
    const parts = this.parts();
    if (!parts.length) return this.i18n.t('gaps.source.none');
    return parts.map((p) => `${this.i18n.t(SOURCE_LABEL[p.source])} ${formatMoney(p.amount)}`).join(' · ');
  });
}

/** The key of the source colours. */
@Component({
  selector: 'app-gap-source-legend',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend small" [attr.aria-label]="'gaps.source.legend' | t">
      @for (s of sources; track s) {
        <li><span class="swatch s-{{ s }}" aria-hidden="true"></span>{{ label[s] | t }}</li>
      }
    </ul>
  `,
  styleUrl: './gap-source-bar.css',
})
export class GapSourceLegend {
  protected readonly sources = SOURCES;
  protected readonly label = SOURCE_LABEL;
}
