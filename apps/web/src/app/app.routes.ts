import { Routes } from '@angular/router';
import { authGuard, guestGuard, roleGuard } from './core/auth.guard';
import { navItem } from './core/access';
import { Shell } from './layout/shell';

export const routes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/auth/login').then((m) => m.Login),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', title: 'home.title', loadComponent: () => import('./features/home/home').then((m) => m.Home) },
      { path: 'wilayah', loadChildren: () => import('./features/regions/regions.routes').then((m) => m.REGION_ROUTES) },
      {
        path: 'kode-anggaran',
        title: 'codes.title',
        loadComponent: () => import('./features/budget-codes/code-search').then((m) => m.CodeSearch),
      },
      {
        path: 'rencana-aksi',
        canActivate: [roleGuard(navItem('rencana-aksi').roles)],
        loadChildren: () => import('./features/plans/plans.routes').then((m) => m.PLAN_ROUTES),
      },
      {
        path: 'penandaan-anggaran',
        canActivate: [roleGuard(navItem('penandaan-anggaran').roles)],
        loadChildren: () => import('./features/allocations/allocations.routes').then((m) => m.ALLOCATION_ROUTES),
      },
      {
        path: 'dana-taktis',
        canActivate: [roleGuard(navItem('dana-taktis').roles)],
        loadChildren: () => import('./features/fund-pools/fund-pools.routes').then((m) => m.FUND_POOL_ROUTES),
      },
      {
        path: 'kesenjangan',
        canActivate: [roleGuard(navItem('kesenjangan').roles)],
        loadChildren: () => import('./features/gaps/gaps.routes').then((m) => m.GAP_ROUTES),
      },
      {
        path: 'admin',
        canMatch: [roleGuard(navItem('admin').roles)],
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'akses-ditolak',
        title: 'forbidden.title',
        loadComponent: () => import('./features/errors/forbidden').then((m) => m.Forbidden),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./features/errors/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
