import { Routes } from '@angular/router';

/** Placeholder until this feature lands: the page says so plainly. */
export const PLAN_ROUTES: Routes = [
  {
    path: '',
    title: 'nav.plans',
    loadComponent: () => import('../../shared/coming-soon').then((m) => m.ComingSoon),
    data: { heading: 'plans.title', text: 'plans.lead', icon: 'plan' },
  },
];
