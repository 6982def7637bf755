import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TPipe } from '../../core/i18n';
import { EmptyState } from '../../shared/empty-state';

@Component({
  selector: 'app-forbidden',
  imports: [RouterLink, TPipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>{{ 'forbidden.title' | t }}</h1>
      <app-empty-state icon="shield" [size]="40" text="forbidden.text">
        <a class="btn btn-primary" routerLink="/">{{ 'common.backHome' | t }}</a>
      </app-empty-state>
    </div>
  `,
})
export class Forbidden {}
