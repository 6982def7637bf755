import { Routes } from '@angular/router';

/** Placeholder until this feature lands: the page says so plainly. */
export const FUND_POOL_ROUTES: Routes = [
  {
    path: '',
    title: 'nav.fundPools',
    loadComponent: () => import('../../shared/coming-soon').then((m) => m.ComingSoon),
    data: { heading: 'fundPools.title', text: 'fundPools.lead', icon: 'wallet' },
  },
];
