import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { GapReport } from '@sinergi/contracts';
import { MoneyPipe } from '../../core/format';
import { TPipe } from '../../core/i18n';
import { DataTable, TableColumn, num } from '../../shared/data-table';
import { EmptyState } from '../../shared/empty-state';

/** The desa the activities concern and whether their APBDes is aligned (tagged to them). */
@Component({
  selector: 'app-gap-villages',
  imports: [TPipe, MoneyPipe, DataTable, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="gap-villages-title">
      <h2 id="gap-villages-title">{{ 'gaps.villages.title' | t }}</h2>
      <p class="muted small lead">{{ 'gaps.villages.lead' | t }}</p>
      @if (villages().length === 0) {
        <app-empty-state icon="map" text="gaps.villages.none" />
      } @else {
        <app-data-table [columns]="columns" [actions]="true" [caption]="'gaps.villages.title' | t">
          <tbody>
            @for (v of villages(); track v.villageCode) {
              <tr data-testid="gap-village" [attr.data-code]="v.villageCode" [class.unaligned]="v.aligned < v.activities">
                <td>
                  <span class="strong">{{ v.villageName || v.villageCode }}</span>
                  <span class="muted small mono"> {{ v.villageCode }}</span>
                </td>
                <td>{{ v.districtName || v.districtCode }}</td>
                <td class="num">{{ v.activities }}</td>
                <td class="num">{{ v.aligned }}</td>
                <td class="num nowrap">{{ v.allocated | money }}</td>
                <td class="actions">
                  <button type="button" class="btn btn-sm" data-testid="gap-village-filter" [attr.aria-pressed]="v.villageCode === regionCode()"
                    (click)="pick.emit(v.villageCode)">
                    {{ 'gaps.villages.filter' | t }}<span class="sr-only"> {{ v.villageName || v.villageCode }}</span>
                  </button>
                </td>
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
    tr.unaligned > td:first-child { box-shadow: inset 3px 0 0 var(--c-accent); }
    .actions .btn[aria-pressed='true'] { background: var(--c-primary-soft); border-color: var(--c-primary); }
  `,
})
export class GapVillages {
  readonly villages = input.required<GapReport['byVillage']>();
  /** The region filter in force (the desa's button shows pressed). */
  readonly regionCode = input<string | null>(null);
  readonly pick = output<string>();

  protected readonly columns: readonly TableColumn[] = [
    'gaps.villages.col.village', 'gaps.villages.col.district', num('gaps.villages.col.activities'),
    num('gaps.villages.col.aligned'), num('gaps.villages.col.allocated'),
  ];
}
