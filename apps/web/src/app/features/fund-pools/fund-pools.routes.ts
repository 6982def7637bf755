import { Routes } from '@angular/router';

/** `/dana-taktis` (list) and `/dana-taktis/:id` (the pool, `?tab=permintaan|buku-kas|rekap`). */
export const FUND_POOL_ROUTES: Routes = [
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
];
