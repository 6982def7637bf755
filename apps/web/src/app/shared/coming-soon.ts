import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TKey, TPipe } from '../core/i18n';
import { EmptyState } from './empty-state';
import { IconName } from './icon';

/**
 * The honest empty state of a feature that comes in a later release. Route data gives the texts:
 * `{ heading, text, icon }` (router input binding).
 */
@Component({
  selector: 'app-coming-soon',
  imports: [RouterLink, TPipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="page-header">
        <div>
          <h1>{{ heading() | t }}</h1>
          <p class="lead">{{ text() | t }}</p>
        </div>
      </header>
      <app-empty-state [icon]="icon()" [size]="40" heading="soon.title" text="soon.text">
        <p class="links">
          <a class="btn" routerLink="/kode-anggaran">{{ 'nav.budgetCodes' | t }}</a>
          <a class="btn" routerLink="/wilayah">{{ 'nav.regions' | t }}</a>
        </p>
      </app-empty-state>
    </div>
  `,
  styles: `.links { display: flex; gap: 8px; justify-content: center; flex-wrap: wrap; margin-top: 16px; }`,
})
export class ComingSoon {
  readonly heading = input.required<TKey>();
  readonly text = input.required<TKey>();
  readonly icon = input<IconName>('clock');
}
