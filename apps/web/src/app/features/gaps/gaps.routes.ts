import { Routes } from '@angular/router';

/** Placeholder until this feature lands: the page says so plainly. */
export const GAP_ROUTES: Routes = [
  {
    path: '',
    title: 'nav.gaps',
    loadComponent: () => import('../../shared/coming-soon').then((m) => m.ComingSoon),
    data: { heading: 'gaps.title', text: 'gaps.lead', icon: 'chart' },
  },
];
