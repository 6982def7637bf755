import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GapDeadlines } from '@sinergi/contracts';
import { FormatDatePipe, MoneyPipe } from '../../core/format';
import { TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';

/**
 * "Before which deadline": next year's unfunded activities, the planning step that can still
 * carry each (from the planning calendar) and who must carry it.
 */
@Component({
  selector: 'app-gap-deadlines',
  imports: [TPipe, MoneyPipe, FormatDatePipe, DataTable, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="gap-deadlines-title" data-testid="gap-deadlines">
      <h2 id="gap-deadlines-title">{{ 'gaps.deadlines.title' | t: { year: deadlines().fiscalYear } }}</h2>
      <p class="muted small lead">{{ 'gaps.deadlines.lead' | t }}</p>
      @if (deadlines().advice.length === 0) {
        <app-empty-state icon="check" text="gaps.deadlines.none" />
      } @else {
        <app-data-table [columns]="columns" [caption]="'gaps.deadlines.title' | t: { year: deadlines().fiscalYear }">
          <tbody>
            @for (a of deadlines().advice; track a.activityId) {
              <tr data-testid="gap-deadline" [attr.data-code]="a.code" [attr.data-step]="a.step.key">
                <td class="mono">{{ a.code }}</td>
                <td>{{ a.title }}</td>
                <td class="num nowrap">{{ a.gap | money }}</td>
                <td>{{ a.carrierName }}</td>
                <td>
                  <span class="strong">{{ a.step.document }}</span> · {{ a.step.name }}
                  @if (a.step.status === 'current') {
                    <span class="badge now">{{ 'gaps.deadlines.now' | t }}</span>
                  }
                </td>
                <td class="nowrap">{{ a.step.to | fdate }}</td>
              </tr>
            }
          </tbody>
        </app-data-table>
      }
    </section>
  `,
  styles: `
    :host { display: block; }
    h2 { margin: 0; }
    .lead { margin: 2px 0 10px; }
    .strong { font-weight: 600; }
    .nowrap { white-space: nowrap; }
    .badge.now { margin-left: 6px; padding: 1px 8px; border-radius: 999px; font-size: 0.8rem; background: var(--c-accent-soft, #fdf0dc); color: var(--c-text); }
  `,
})
export class GapDeadlinesPanel {
  readonly deadlines = input.required<GapDeadlines>();

  protected readonly columns: readonly TableColumn[] = [
    'gaps.deadlines.col.code', 'gaps.deadlines.col.activity', num('gaps.deadlines.col.gap'),
    'gaps.deadlines.col.carrier', 'gaps.deadlines.col.step', 'gaps.deadlines.col.until',
  ];
}
