import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TKey, TPipe } from '../core/i18n';
import { Icon, IconName } from './icon';

/**
 * The honest empty state of a feature that comes in a later release. Route data gives the texts:
 * `{ heading, text, icon }` (router input binding).
 */
@Component({
  selector: 'app-coming-soon',
  imports: [RouterLink, TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <header class="page-header">
        <div>
          <h1>{{ heading() | t }}</h1>
          <p class="lead">{{ text() | t }}</p>
        </div>
      </header>
      <div class="empty-state">
        <app-icon [name]="icon()" [size]="40" />
        <h2>{{ 'soon.title' | t }}</h2>
        <p>{{ 'soon.text' | t }}</p>
        <p class="links">
          <a class="btn" routerLink="/kode-anggaran">{{ 'nav.budgetCodes' | t }}</a>
          <a class="btn" routerLink="/wilayah">{{ 'nav.regions' | t }}</a>
        </p>
      </div>
    </div>
  `,
  styles: `.links { display: flex; gap: 8px; justify-content: center; flex-wrap: wrap; margin-top: 16px; }`,
})
export class ComingSoon {
  readonly heading = input.required<TKey>();
  readonly text = input.required<TKey>();
  readonly icon = input<IconName>('clock');
}
