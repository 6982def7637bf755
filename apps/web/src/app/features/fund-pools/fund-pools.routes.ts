import { Routes } from '@angular/router';
import { partGuard } from '../../core/i18n';

/**
 * `/dana-taktis` (list) and `/dana-taktis/:id` (the pool, `?tab=permintaan|buku-kas|rekap`). The
 * feature's text is its own dictionary part, loaded before its pages.
 */
export const FUND_POOL_ROUTES: Routes = [
  {
    path: '',
    canActivate: [partGuard('fundPools')],
    children: [
      {
        path: '',
        title: 'fundPools.title',
        loadComponent: () => import('./pool-list').then((m) => m.PoolList),
      },
      {
        path: ':id',
        title: 'fundPools.pool.title',
        loadComponent: () => import('./pool-page').then((m) => m.PoolPage),
      },
    ],
  },
];
