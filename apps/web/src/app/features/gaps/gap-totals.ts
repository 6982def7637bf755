import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { GapReport } from '@sinergi/contracts';
import { MoneyPipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { GapSourceBar, GapSourceLegend } from './gap-source-bar';
import { big, gapText, percentOf } from './gap-utils';

/** The four totals of the year (need, allocated, gap, realised) as cards. */
@Component({
  selector: 'app-gap-totals',
  imports: [TPipe, MoneyPipe, GapSourceBar, GapSourceLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    @let t = r.totals;
    <section class="totals" aria-labelledby="gap-totals-title">
      <h2 id="gap-totals-title" class="sr-only">{{ 'gaps.totals.title' | t: { year: r.fiscalYear } }}</h2>
      <div class="card total" data-testid="gap-total" data-kind="need">
        <p class="label">{{ 'gaps.totals.need' | t }}</p>
        <p class="value">{{ t.need | money }}</p>
        <p class="small muted">{{ 'gaps.totals.needOf' | t: { year: r.fiscalYear, count: r.activities.length } }}</p>
      </div>
      <div class="card total" data-testid="gap-total" data-kind="allocated">
        <p class="label">{{ 'gaps.totals.allocated' | t }}</p>
        <p class="value">{{ t.allocated | money }}</p>
        <p class="small muted">{{ allocatedNote() }}</p>
        <app-gap-source-bar [sources]="t.bySource" />
      </div>
      <div class="card total" data-testid="gap-total" data-kind="gap" [class.warn]="gapSign() > 0" [class.over]="gapSign() < 0">
        <p class="label">{{ 'gaps.totals.gap' | t }}</p>
        <p class="value">{{ gapDisplay() }}</p>
        <p class="small muted">{{ 'gaps.totals.unfunded' | t: { count: r.flagCounts.UNFUNDED } }}</p>
      </div>
      <div class="card total" data-testid="gap-total" data-kind="realised">
        <p class="label">{{ 'gaps.totals.realised' | t }}</p>
        <p class="value">{{ t.realised | money }}</p>
        <p class="small muted">{{ realisedNote() }}</p>
      </div>
    </section>
    <app-gap-source-legend />
  `,
  styles: `
    :host { display: block; margin-bottom: 24px; }
    .totals { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; margin-bottom: 8px; }
    @media (min-width: 1200px) { .totals { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
    @media (max-width: 560px) { .totals { grid-template-columns: minmax(0, 1fr); } }
    .totals .card + .card { margin-top: 0; }
    .total { padding: 14px 16px; }
    .total p { margin: 0; }
    .label { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--c-muted); font-weight: 600; }
    .value { font-size: 1.3rem; font-weight: 700; margin: 4px 0 2px !important; font-variant-numeric: tabular-nums; }
    .warn { border-left: 4px solid var(--c-accent); }
    .over { border-left: 4px solid var(--c-primary); }
  `,
})
export class GapTotals {
  private readonly i18n = inject(I18n);
  readonly report = input.required<GapReport>();

  protected readonly gapValue = computed(() => big(this.report().totals.gap));
  protected readonly gapSign = computed(() => (this.gapValue() > 0n ? 1 : this.gapValue() < 0n ? -1 : 0));
  protected readonly gapDisplay = computed(() => gapText(this.gapValue(), (k, p) => this.i18n.t(k, p)));

  protected readonly allocatedNote = computed(() => {
    const t = this.report().totals;
    const percent = percentOf(big(t.allocated), big(t.need));
    return percent === null ? this.i18n.t('gaps.totals.noNeed') : this.i18n.t('gaps.totals.ofNeed', { percent });
  });

  protected readonly realisedNote = computed(() => {
    const t = this.report().totals;
    const allocated = big(t.allocated);
    return allocated > 0n
      ? this.i18n.t('gaps.totals.ofAllocated', { percent: Number((big(t.realised) * 100n) / allocated) })
      : this.i18n.t('gaps.totals.nothingAllocated');
  });
}
