import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { ActivityGapView } from '@sinergi/contracts';
import { MoneyPipe } from '../../core/format';
import { I18n, TPipe } from '../../core/i18n';
import { EmptyState } from '../../shared/empty-state';
import { Icon } from '../../shared/icon';
import { GapLines } from './gap-lines';
import { GapSourceBar, GapSourceLegend } from './gap-source-bar';
import { FLAG_LABEL, FLAG_TONE, big, compareCodes, gapText } from './gap-utils';

/**
 * The activities of the year with need, allocation (stacked by source), gap and flags. A row (or its
 * button) opens the budget lines behind the allocation.
 */
@Component({
  selector: 'app-gap-activities',
  imports: [TPipe, MoneyPipe, Icon, EmptyState, GapLines, GapSourceBar, GapSourceLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gap-activities.html',
  styleUrl: './gap-activities.css',
})
export class GapActivities {
  private readonly i18n = inject(I18n);

  readonly activities = input.required<readonly ActivityGapView[]>();
  readonly fiscalYear = input.required<number>();
  /** A filter is in force (the empty text says so). */
  readonly filtered = input(false);

  protected readonly flagLabel = FLAG_LABEL;
  protected readonly flagTone = FLAG_TONE;
  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected readonly rows = computed(() =>
    [...this.activities()]
      .sort((a, b) => compareCodes(a.code, b.code))
      .map((a) => {
        const gap = big(a.gap);
        return { a, flags: a.flags.join(' '), gap: gapText(gap, (k, p) => this.i18n.t(k, p)), short: gap > 0n, over: gap < 0n };
      }),
  );

  protected toggle(id: string): void {
    this.open.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /** A click anywhere on the row opens it, except on its own controls (the button toggles by itself). */
  protected rowClick(event: MouseEvent, id: string): void {
    const target = event.target as HTMLElement | null;
    if (target?.closest('button, a, input, select')) return;
    if (window.getSelection()?.toString()) return;
    this.toggle(id);
  }
}
