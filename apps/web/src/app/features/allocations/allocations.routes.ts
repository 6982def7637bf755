import { Routes } from '@angular/router';

/** Placeholder until this feature lands: the page says so plainly. */
export const ALLOCATION_ROUTES: Routes = [
  {
    path: '',
    title: 'nav.allocations',
    loadComponent: () => import('../../shared/coming-soon').then((m) => m.ComingSoon),
    data: { heading: 'allocations.title', text: 'allocations.lead', icon: 'tag' },
  },
];
