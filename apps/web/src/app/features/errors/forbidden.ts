import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TPipe } from '../../core/i18n';
import { Icon } from '../../shared/icon';

@Component({
  selector: 'app-forbidden',
  imports: [RouterLink, TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>{{ 'forbidden.title' | t }}</h1>
      <div class="empty-state">
        <app-icon name="shield" [size]="40" />
        <p>{{ 'forbidden.text' | t }}</p>
        <a class="btn btn-primary" routerLink="/">{{ 'common.backHome' | t }}</a>
      </div>
    </div>
  `,
})
export class Forbidden {}
