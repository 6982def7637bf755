import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet, Routes } from '@angular/router';
import { AuthStore } from '../../core/auth.store';
import { roleGuard } from '../../core/auth.guard';
import { TPipe } from '../../core/i18n';
import { Icon } from '../../shared/icon';

/** Tabs over the admin pages (users, code catalogues and the planning calendar for admins only); each page has its own `<h1>`. */
@Component({
  selector: 'app-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TPipe, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" [attr.aria-label]="'nav.admin' | t">
      @if (isAdmin) {
        <a routerLink="pengguna" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-tab-users">
          <app-icon name="users" [size]="18" />{{ 'admin.users.title' | t }}
        </a>
      }
      <a routerLink="instansi" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-tab-agencies">
        <app-icon name="building" [size]="18" />{{ 'admin.agencies.title' | t }}
      </a>
      <a routerLink="gugus-tugas" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-tab-task-forces">
        <app-icon name="shield" [size]="18" />{{ 'admin.taskForces.title' | t }}
      </a>
      @if (isAdmin) {
        <a routerLink="katalog" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-tab-catalogs">
          <app-icon name="layers" [size]="18" />{{ 'admin.catalogs.title' | t }}
        </a>
        <a routerLink="kalender" routerLinkActive="active" ariaCurrentWhenActive="page" data-testid="admin-tab-calendar">
          <app-icon name="clock" [size]="18" />{{ 'admin.calendar.title' | t }}
        </a>
      }
    </nav>
    <router-outlet />
  `,
  styles: `
    .tabs { display: flex; gap: 4px; padding: 12px 28px 0; border-bottom: 1px solid var(--c-border); background: var(--c-surface); overflow-x: auto; }
    .tabs a {
      display: inline-flex; align-items: center; gap: 8px; padding: 10px 14px; margin-bottom: -1px;
      color: var(--c-muted); font-weight: 600; text-decoration: none; border-bottom: 3px solid transparent; white-space: nowrap;
    }
    .tabs a:hover { color: var(--c-text); }
    .tabs a.active { color: var(--c-primary); border-bottom-color: var(--c-primary); }
    @media (max-width: 720px) { .tabs { padding: 8px 10px 0; } }
  `,
})
export class AdminLayout {
  protected readonly isAdmin = inject(AuthStore).hasRole('admin');
}

/** Admins land on users; planners (who cannot manage accounts) on their institutions. */
function landingTab(): string {
  return inject(AuthStore).hasRole('admin') ? 'pengguna' : 'instansi';
}

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    component: AdminLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => landingTab() },
      {
        path: 'pengguna',
        title: 'admin.users.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('./users').then((m) => m.Users),
      },
      {
        path: 'instansi',
        title: 'admin.agencies.title',
        loadComponent: () => import('./agencies').then((m) => m.Agencies),
      },
      {
        path: 'gugus-tugas',
        title: 'admin.taskForces.title',
        loadComponent: () => import('./task-forces').then((m) => m.TaskForces),
      },
      {
        path: 'katalog',
        title: 'admin.catalogs.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('./catalogs').then((m) => m.Catalogs),
      },
      {
        path: 'kalender',
        title: 'admin.calendar.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () => import('./planning-calendar').then((m) => m.PlanningCalendar),
      },
    ],
  },
];
